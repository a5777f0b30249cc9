package org.kechuang.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kechuang.search.analysis.ChineseTextAnalyzer.BIGRAM;
import static org.kechuang.search.analysis.ChineseTextAnalyzer.PART;
import static org.kechuang.search.analysis.ChineseTextAnalyzer.STANDARD;
import static org.kechuang.search.analysis.ChineseTextAnalyzer.TERM;
import static org.kechuang.search.analysis.ChineseTextAnalyzer.WORD;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.kechuang.search.analysis.Tokens.Token;

/** Fixed sentences and the exact tokens the index keeps of them, in the manner of Lucene's smartcn tests. */
class ChineseTextAnalyzerTest {

    private static final ChineseTextAnalyzer ANALYZER = new ChineseTextAnalyzer();

    @AfterAll
    static void close() {
        ANALYZER.close();
    }

    private static Tokens analyze(String text) {
        return Tokens.of(ANALYZER, text);
    }

    @Test
    void chineseIsCutIntoWordsWithTheBigramsStartingInsideEachWordStackedOnIt() {
        assertThat(analyze("工业机器人焊接工艺").tokens())
                .containsExactly(
                        new Token("工业", 0, 2, WORD, 1),
                        new Token("工业", 0, 2, BIGRAM, 0),
                        new Token("业机", 1, 3, BIGRAM, 0),
                        new Token("机器人", 2, 5, WORD, 1),
                        new Token("机器", 2, 4, BIGRAM, 0),
                        new Token("器人", 3, 5, BIGRAM, 0),
                        new Token("人焊", 4, 6, BIGRAM, 0),
                        new Token("焊接", 5, 7, WORD, 1),
                        new Token("焊接", 5, 7, BIGRAM, 0),
                        new Token("接工", 6, 8, BIGRAM, 0),
                        new Token("工艺", 7, 9, WORD, 1),
                        new Token("工艺", 7, 9, BIGRAM, 0));
    }

    @Test
    void aTermMissingFromTheDictionaryStillHasItsBigram() {
        Tokens tokens = analyze("科创中国三年行动计划");

        assertThat(tokens.terms(WORD)).containsExactly("科", "创", "中国", "三", "年", "行动", "计划");
        assertThat(tokens.terms(BIGRAM)).contains("科创", "三年");
    }

    @Test
    void dictionaryWordsInsideLongerRunsAreFoundAsBigrams() {
        Tokens tokens = analyze("围绕产业链应用场景升级问题库项目库人才库");

        assertThat(tokens.terms(WORD)).containsExactly("围绕", "产业链", "应用", "场景", "升级", "问题", "库", "项目", "库", "人才库");
        assertThat(tokens.terms(BIGRAM)).contains("产业", "人才", "题库");
    }

    @Test
    void traditionalCharactersAreIndexedAsSimplifiedWithOffsetsOnTheCharactersTyped() {
        String traditional = "工業機器人焊接工藝";

        Tokens tokens = analyze(traditional);

        assertThat(tokens).isEqualTo(analyze("工业机器人焊接工艺"));
        assertThat(tokens.tokens().get(3)).isEqualTo(new Token("机器人", 2, 5, WORD, 1));
        assertThat(tokens.covered(traditional).get(3)).isEqualTo("機器人");
    }

    @Test
    void charactersOpenccKeepsAreFoldedOntoTheirMainlandForm() {
        assertThat(analyze("凍乾機")).isEqualTo(analyze("冻干机"));
        assertThat(analyze("聚醯亞胺薄膜")).isEqualTo(analyze("聚酰亚胺薄膜"));
        assertThat(analyze("矽晶圓")).isEqualTo(analyze("硅晶圆"));
        assertThat(analyze("矽晶圓").covered("矽晶圓")).contains("矽晶");
    }

    @Test
    void mixedTraditionalAndLatinText() {
        String text = "軟體定義網路SDN技術";

        Tokens tokens = analyze(text);

        assertThat(tokens.terms(WORD)).containsExactly("软", "体", "定义", "网路", "技术");
        assertThat(tokens.terms(TERM)).containsExactly("sdn");
        assertThat(tokens.tokens())
                .filteredOn(t -> t.term().equals("sdn"))
                .containsExactly(new Token("sdn", 6, 9, TERM, 1));
        assertThat(tokens.covered(text)).contains("網路", "SDN", "技術");
    }

    @Test
    void latinTermsAndModelNumbersAreKeptWholeAndLowerCased() {
        assertThat(analyze("基于5G的PLC远程控制").tokens())
                .containsExactly(
                        new Token("基于", 0, 2, WORD, 1),
                        new Token("基于", 0, 2, BIGRAM, 0),
                        new Token("5g", 2, 4, TERM, 1),
                        new Token("的", 4, 5, WORD, 1),
                        new Token("plc", 5, 8, TERM, 1),
                        new Token("远程", 8, 10, WORD, 1),
                        new Token("远程", 8, 10, BIGRAM, 0),
                        new Token("程控", 9, 11, BIGRAM, 0),
                        new Token("控制", 10, 12, WORD, 1),
                        new Token("控制", 10, 12, BIGRAM, 0));
    }

    @Test
    void aChemicalFormulaIsOneTermFollowedByItsLetterPart() {
        assertThat(analyze("磷酸铁锂（LiFePO4）正极材料").tokens())
                .filteredOn(t -> !t.type().equals(WORD) && !t.type().equals(BIGRAM))
                .containsExactly(new Token("lifepo4", 5, 12, TERM, 1), new Token("lifepo", 5, 11, PART, 0));
    }

    @Test
    void aStandardsCodeAndNumberBecomeOneTermAndTheYearAnother() {
        assertThat(analyze("符合GB/T 4754-2017标准").tokens())
                .containsExactly(
                        new Token("符合", 0, 2, WORD, 1),
                        new Token("符合", 0, 2, BIGRAM, 0),
                        new Token("gb/t4754", 2, 11, STANDARD, 1),
                        new Token("gb", 2, 4, PART, 0),
                        new Token("4754", 7, 11, PART, 0),
                        new Token("2017", 12, 16, TERM, 1),
                        new Token("标准", 16, 18, WORD, 1),
                        new Token("标准", 16, 18, BIGRAM, 0));
        assertThat(analyze("GB/T4754").terms(STANDARD)).containsExactly("gb/t4754");
        assertThat(analyze("ISO/IEC 27001:2013与ISO 9001认证").terms(STANDARD)).containsExactly("iso/iec27001", "iso9001");
    }

    @Test
    void onlyUppercaseCodesStartAStandardNumber() {
        assertThat(analyze("type 2 diabetes").terms()).containsExactly("type", "2", "diabetes");
    }

    @Test
    void aPatentNumberIsOneTermWithItsDigitsAsAPart() {
        assertThat(analyze("专利号ZL201910123456.X").tokens())
                .containsExactly(
                        new Token("专利", 0, 2, WORD, 1),
                        new Token("专利", 0, 2, BIGRAM, 0),
                        new Token("利号", 1, 3, BIGRAM, 0),
                        new Token("号", 2, 3, WORD, 1),
                        new Token("zl201910123456.x", 3, 19, TERM, 1),
                        new Token("zl", 3, 5, PART, 0),
                        new Token("201910123456", 5, 17, PART, 0));
    }

    @Test
    void fullWidthTextIsReadAsHalfWidth() {
        String text = "ＬｉＦｅＰＯ４电池容量≥１２０ｍＡｈ／ｇ";

        Tokens tokens = analyze(text);

        assertThat(tokens.terms(TERM)).containsExactly("lifepo4", "120mah/g");
        assertThat(tokens).isEqualTo(analyze("LiFePO4电池容量≥120mAh/g"));
        assertThat(tokens.covered(text).getFirst()).isEqualTo("ＬｉＦｅＰＯ４");
    }

    @Test
    void aCharacterThatNormalizesToSeveralKeepsTheOffsetsOfTheTextTyped() {
        String text = "温度－40℃～85℃…";

        Tokens tokens = analyze(text);

        assertThat(tokens.terms(TERM)).containsExactly("40", "c", "85", "c");
        assertThat(tokens.covered(text)).containsExactly("温度", "温度", "40", "℃", "85", "℃");
    }

    @Test
    void wordsAndSeparatorsOfLatinText() {
        assertThat(analyze("TCP/IP协议与Wi-Fi 6，Deep Learning").terms(TERM))
                .containsExactly("tcp/ip", "wi-fi", "6", "deep", "learning");
        assertThat(analyze("PM2.5监测").terms()).isEqualTo(List.of("pm2.5", "pm", "监测", "监测"));
    }

    @Test
    void aSingleCharacterIsAWordOfItsOwn() {
        assertThat(analyze("锂").tokens()).containsExactly(new Token("锂", 0, 1, WORD, 1));
    }

    @Test
    void theAnalyzerCanBeReusedForAnotherText() {
        Tokens first = analyze("工业机器人");
        analyze("LiFePO4");

        assertThat(analyze("工业机器人")).isEqualTo(first);
    }
}
