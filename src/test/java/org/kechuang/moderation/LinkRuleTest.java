package org.kechuang.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkRuleTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "详见 example.com",
                "访问 www点example点com",
                "http://a.b",
                "联系 bet365[.]vip 领取",
                "x【点】y",
                "exampledotcom"
            })
    void theQuickTestLetsEveryTextWithAHostThrough(String text) {
        assertThat(LinkRule.mayHoldHost(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"本成果提出一种系统方法。已完成中试。", "版本 3.", ".net", "a。", "", "点"})
    void theQuickTestSkipsTextsWithoutAHost(String text) {
        assertThat(LinkRule.mayHoldHost(text)).isFalse();
    }
}
