package org.kechuang.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.houbb.opencc4j.support.data.impl.OpenccDatas;
import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shortcut that leaves simplified runs unconverted never skips a run the conversion would change. */
class NormalizingCharFilterTest {

    @Test
    void everyCharacterAndPhraseTheConversionChangesIsConverted() {
        List<String> entries =
                new ArrayList<>(OpenccDatas.tsChar().data().getDataMap().keySet());
        entries.addAll(OpenccDatas.tsPhrase().data().getDataMap().keySet());
        List<String> skippedThoughChanged = entries.stream()
                .filter(NormalizingCharFilter::unchanged)
                .filter(entry -> !ZhConverterUtil.toSimple("的" + entry + "的").equals("的" + entry + "的"))
                .toList();

        assertThat(entries).hasSizeGreaterThan(1000);
        assertThat(skippedThoughChanged).isEmpty();
    }

    @Test
    void simplifiedTechnicalTextIsLeftAsItIsAndTraditionalTextIsConverted() {
        assertThat(NormalizingCharFilter.unchanged("基于深度学习的工业视觉检测算法")).isTrue();
        assertThat(NormalizingCharFilter.simplified("基于深度学习的工业视觉检测算法")).isEqualTo("基于深度学习的工业视觉检测算法");
        assertThat(NormalizingCharFilter.unchanged("基於深度學習的工業視覺檢測演算法")).isFalse();
        assertThat(NormalizingCharFilter.simplified("基於深度學習的工業視覺檢測")).isEqualTo("基于深度学习的工业视觉检测");
    }
}
