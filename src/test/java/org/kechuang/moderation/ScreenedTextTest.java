package org.kechuang.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kechuang.platform.text.Text;

class ScreenedTextTest {

    private static String separatorsDropped(String text) {
        return ScreenedText.of(text, ScreenedText.Drop.SEPARATORS).text();
    }

    @Test
    void normalizesLikeTheTextKey() {
        String typed = "星空體育官網入口　ＣＡＳＩＮＯ１２３";

        assertThat(separatorsDropped(typed)).isEqualTo(Text.key(typed).replace(" ", ""));
        assertThat(separatorsDropped(typed)).isEqualTo("星空体育官网入口casino123");
    }

    @Test
    void dropsSeparatorsSlippedBetweenCharacters() {
        assertThat(separatorsDropped("星-空-体-育")).isEqualTo("星空体育");
        assertThat(separatorsDropped("星 空 体 育")).isEqualTo("星空体育");
        assertThat(separatorsDropped("星\u200b空\u200d体\ufeff育")).isEqualTo("星空体育");
        assertThat(separatorsDropped("星.空*体|育")).isEqualTo("星空体育");
        assertThat(separatorsDropped("星、空，体。育")).isEqualTo("星空体育");
        assertThat(separatorsDropped("星😀空★体♥育")).isEqualTo("星空体育");
        assertThat(separatorsDropped("星\u0301空\u00ad体\u3000育")).isEqualTo("星空体育");
    }

    @Test
    void keepsCharactersOutsideTheBasicPlane() {
        // 𠀋 (U+2000B) is an ideograph written as a surrogate pair: it is text, not a separator
        assertThat(separatorsDropped("𠀋 材料")).isEqualTo("𠀋材料");
    }

    @Test
    void mapsNormalizedCharactersBackToTheTextAsTyped() {
        String typed = "技术说明：星-空-體-育 官网";
        ScreenedText text = ScreenedText.of(typed, ScreenedText.Drop.SEPARATORS);
        int from = text.text().indexOf("星空体育");

        assertThat(text.original(from, from + 4)).isEqualTo("星-空-體-育");
        assertThat(text.originalStart(from)).isEqualTo(typed.indexOf('星'));
        assertThat(text.hadGapsInside(from, from + 4)).isTrue();
        assertThat(text.gapBefore(from)).as("the colon before 星 was dropped").isTrue();
    }

    @Test
    void putsBackTheBlankBetweenTwoLatinWordsButNotBetweenSpacedOutLetters() {
        assertThat(ScreenedText.of("见 https://a.gov.cn https://b.edu.cn", ScreenedText.Drop.INVISIBLE)
                        .withWordBreaks()
                        .text())
                .isEqualTo("见https://a.gov.cn https://b.edu.cn");
        assertThat(ScreenedText.of("w w w . x k 1 2 3 . c o m", ScreenedText.Drop.INVISIBLE)
                        .withWordBreaks()
                        .text())
                .isEqualTo("www.xk123.com");
    }

    @Test
    void keepsPunctuationWhenOnlyInvisibleCharactersAreDropped() {
        assertThat(ScreenedText.of("w w w . x k 1 2 3 . c o m", ScreenedText.Drop.INVISIBLE)
                        .text())
                .isEqualTo("www.xk123.com");
        assertThat(ScreenedText.of("ｗｗｗ．ＸＫ．ｃｏｍ", ScreenedText.Drop.INVISIBLE).text())
                .isEqualTo("www.xk.com");
    }

    @Test
    void readsEveryCharacterOfTheBasicPlaneLikeItsNormalizedFormCharacterByCharacter() {
        // the fast path (one table entry per character) against the rule it stands for: each character normalized,
        // then each character of its form dropped or kept
        for (ScreenedText.Drop drop : ScreenedText.Drop.values()) {
            for (int code = 0; code < 0x10000; code++) {
                char c = (char) code;
                if (Character.isSurrogate(c)) {
                    continue;
                }
                StringBuilder expected = new StringBuilder("a");
                boolean gapAtEnd = false;
                String form = ScreenedText.normalize(c);
                for (int i = 0; i < form.length(); ) {
                    int point = form.codePointAt(i);
                    i += Character.charCount(point);
                    if (ScreenedText.dropped(point, drop)) {
                        gapAtEnd = true;
                    } else {
                        expected.appendCodePoint(point);
                        gapAtEnd = false;
                    }
                }
                expected.append('b');
                ScreenedText text = ScreenedText.of("a" + c + "b", drop);

                assertThat(text.text()).as("U+%04X, %s", (int) c, drop).isEqualTo(expected.toString());
                int b = text.text().length() - 1;
                assertThat(text.gapBefore(b))
                        .as("gap before b after U+%04X, %s", (int) c, drop)
                        .isEqualTo(gapAtEnd);
                assertThat(text.original(b, b + 1)).isEqualTo("b");
            }
        }
    }
}
