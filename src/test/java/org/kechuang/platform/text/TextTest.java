package org.kechuang.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {

    private static final List<String> SENTENCES = List.of(
            "基于图神经网络的交通流预测技术",
            "機器人視覺檢測系統的開發與應用",
            "鋰離子電池正極材料 LiFePO4 的製備",
            "乾燥設備與冷凍乾燥工藝",
            "矽基光電子晶片封裝",
            "面向 5G 的 PLC 控制器，符合 GB/T 4754-2017",
            "發展規劃與資訊系統",
            "软件与資訊服務混排文本",
            "",
            "ＡＢＣ１２３　全角");

    @Test
    void simplifiedAgreesWithTheFullConversionOnSimplifiedTraditionalAndMixedText() {
        for (String sentence : SENTENCES) {
            assertThat(Text.simplified(sentence)).as(sentence).isEqualTo(ZhConverterUtil.toSimple(sentence));
        }
        // every single character of the common CJK block, too: the skip must never change a result
        StringBuilder wrong = new StringBuilder();
        for (char c = '\u4e00'; c <= '\u9fff'; c++) {
            String one = String.valueOf(c);
            if (!Text.simplified(one).equals(ZhConverterUtil.toSimple(one))) {
                wrong.append(c);
            }
        }
        assertThat(wrong).as("characters whose conversion the skip would miss").isEmpty();
    }

    @Test
    void simplifiedTextIsReturnedAsItIsWithoutConversion() {
        for (String simplified : List.of("基于图神经网络的交通流预测技术", "基于深度学习的工业视觉检测算法", "锂离子电池正极材料的制备")) {
            assertThat(Text.mayChangeWhenSimplified(simplified)).as(simplified).isFalse();
            assertThat(Text.simplified(simplified)).isSameAs(simplified);
        }
        assertThat(Text.mayChangeWhenSimplified("基於深度學習的工業視覺檢測演算法")).isTrue();
        assertThat(Text.simplified(null)).isNull();
    }

    @Test
    void keysOfTraditionalAndSimplifiedFormsAreEqual() {
        assertThat(Text.key(" 機器人  視覺檢測 ")).isEqualTo(Text.key("机器人 视觉检测"));
        assertThat(Text.key("ＰＬＣ　控制器")).isEqualTo("plc 控制器");
    }

    @Test
    void markupAndScriptAddressesAreFoundAndPlainTextWithColonsOrLessThanIsNot() {
        assertThat(Text.hasMarkup("<script>alert(1)</script>")).isTrue();
        assertThat(Text.hasMarkup("点击 < img src=x onerror=alert(1)>")).isTrue();
        assertThat(Text.hasMarkup("JavaScript:alert(1)")).isTrue();
        assertThat(Text.hasMarkup("配比 1:2，温度 < 80 ℃")).isFalse();
        assertThat(Text.hasMarkup("普通技术文本")).isFalse();
        assertThat(Text.hasMarkup(null)).isFalse();
    }
}
