package org.kechuang.achievement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatentNumberTest {

    /** Worked examples of the CNIPA rule: weights 2…9, 2…5 from the left, sum modulo 11, 10 written X. */
    @ParameterizedTest
    @CsvSource({
        "201710601862, 3", // 2·2+0·3+1·4+7·5+1·6+0·7+6·8+0·9+1·2+8·3+6·4+2·5 = 157 ≡ 3
        "201910123456, X", // 153 ≡ 10
        "202310123456, 6", // 127 ≡ 6
        "95115608, X", // pre-2003 number: 186 ≡ 10
        "97101765, 4" // 191 ≡ 4
    })
    void computesTheCheckDigitOfApplicationNumbers(String digits, String check) {
        assertThat(PatentNumber.checkDigit(digits)).isEqualTo(check);
    }

    @Test
    void readsAGrantedPatentNumberWrittenWithBlanks() {
        PatentNumber number = PatentNumber.of("ZL 2019 1 0123456.X").orElseThrow();

        assertThat(number.canonical()).isEqualTo("ZL201910123456.X");
        assertThat(number.key()).isEqualTo("201910123456X");
    }

    @Test
    void foldsFullWidthCharactersAndLowerCase() {
        assertThat(PatentNumber.of("ｃｎ２０１７１０６０１８６２．３").orElseThrow().canonical())
                .isEqualTo("CN201710601862.3");
        assertThat(PatentNumber.of("zl201710601862.3").orElseThrow().canonical())
                .isEqualTo("ZL201710601862.3");
    }

    @Test
    void addsTheCheckDigitToANumberTypedWithoutIt() {
        assertThat(PatentNumber.of("CN201710601862").orElseThrow().canonical()).isEqualTo("CN201710601862.3");
        assertThat(PatentNumber.of("97101765").orElseThrow().canonical()).isEqualTo("CN97101765.4");
    }

    @Test
    void grantedAndApplicationFormsOfOnePatentShareTheirKey() {
        assertThat(PatentNumber.of("ZL201710601862.3").orElseThrow().key())
                .isEqualTo(PatentNumber.of("CN 2017 1 0601862.3").orElseThrow().key());
    }

    @Test
    void refusesAWrongCheckDigitAndSaysTheRightOne() {
        PatentNumber.Parsed parsed = PatentNumber.parse("CN202310123456.7");

        assertThat(parsed.number()).isNull();
        assertThat(parsed.problem()).isEqualTo(PatentNumber.Problem.CHECK_DIGIT);
        assertThat(parsed.expectedCheckDigit()).isEqualTo("6");
    }

    @Test
    void readsPublicationNumbersWithTheirKindCode() {
        assertThat(PatentNumber.of("CN114123456A").orElseThrow().canonical()).isEqualTo("CN114123456A");
        assertThat(PatentNumber.of("cn 114123456 b").orElseThrow().canonical()).isEqualTo("CN114123456B");
        assertThat(PatentNumber.of("CN1234567A").orElseThrow().canonical()).isEqualTo("CN1234567A");
    }

    @ParameterizedTest
    @CsvSource({
        "US9876543B2", // not Chinese
        "CN114123456", // publication number without kind code, too short for an application number
        "CN202340123456.1", // type 4 does not exist
        "CN199910123456", // a 12-digit number from before 2003
        "ZL2019101234", // ten digits
        "<script>alert(1)</script>",
        "CN114123456Q" // no such kind code
    })
    void refusesWhatIsNoCnPatentNumber(String typed) {
        PatentNumber.Parsed parsed = PatentNumber.parse(typed);

        assertThat(parsed.number()).isNull();
        assertThat(parsed.problem()).isEqualTo(PatentNumber.Problem.FORMAT);
    }

    @Test
    void refusesAHugeValueWithoutReadingIt() {
        assertThat(PatentNumber.parse("1".repeat(10_000_000)).problem()).isEqualTo(PatentNumber.Problem.FORMAT);
    }
}
