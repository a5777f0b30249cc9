package org.kechuang.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kechuang.platform.web.DomainException;

class CreditCodeTest {

    // codes printed on the business licences of well-known organizations
    static final String HUAWEI = "914403001922038216";
    static final String TENCENT = "9144030071526726XG";
    static final String ALIBABA_CHINA = "91330100716105852F";
    static final String XIAOMI = "91110108551385082Q";
    static final String BAIDU_NETCOM = "91110000802100433B";
    static final String TSINGHUA = "12100000400000624D";

    @ParameterizedTest
    @ValueSource(strings = {HUAWEI, TENCENT, ALIBABA_CHINA, XIAOMI, BAIDU_NETCOM, TSINGHUA})
    void acceptsRealCodes(String code) {
        assertThat(CreditCode.of(code).value()).isEqualTo(code);
    }

    @Test
    void computesTheCheckCharacterOfTheStandard() {
        assertThat(CreditCode.checkCharacter(HUAWEI)).isEqualTo('6');
        assertThat(CreditCode.checkCharacter(TENCENT)).isEqualTo('G');
        assertThat(CreditCode.checkCharacter(TSINGHUA)).isEqualTo('D');
    }

    @ParameterizedTest
    @ValueSource(strings = {HUAWEI, TENCENT, ALIBABA_CHINA, XIAOMI, BAIDU_NETCOM, TSINGHUA})
    void refusesEverySingleCharacterCorruptionOfARealCode(String code) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int position = 0; position < 18; position++) {
            for (char replacement : alphabet.toCharArray()) {
                if (replacement == code.charAt(position)) {
                    continue;
                }
                String corrupted = code.substring(0, position) + replacement + code.substring(position + 1);
                assertThatThrownBy(() -> CreditCode.of(corrupted))
                        .as(corrupted)
                        .isInstanceOf(DomainException.class)
                        .extracting(e -> ((DomainException) e).key())
                        .isEqualTo("organization.credit-code.checksum");
            }
        }
    }

    @Test
    void refusesTwoNeighbouringCharactersSwapped() {
        String swapped = "914403001922032816";
        assertThat(key(swapped)).isEqualTo("organization.credit-code.checksum");
    }

    @Test
    void normalisesFullWidthCharactersToHalfWidth() {
        assertThat(CreditCode.of("９１４４０３００７１５２６７２６ＸＧ").value()).isEqualTo(TENCENT);
    }

    @Test
    void upperCasesLowerCaseLetters() {
        assertThat(CreditCode.of("9144030071526726xg").value()).isEqualTo(TENCENT);
    }

    @Test
    void ignoresBlanksAndHyphensBetweenGroupsAndAround() {
        assertThat(CreditCode.of("  91 440300 192203821 6 ").value()).isEqualTo(HUAWEI);
        assertThat(CreditCode.of("9144-0300-1922-0382-16").value()).isEqualTo(HUAWEI);
    }

    @Test
    void equalCodesTypedDifferentlyAreEqualValues() {
        assertThat(CreditCode.of("9144030071526726xg")).isEqualTo(CreditCode.of(TENCENT));
    }

    @Test
    void refusesAWrongLengthWithTheLengthFound() {
        DomainException refused = refusal("91440300192203821");
        assertThat(refused.key()).isEqualTo("organization.credit-code.length");
        assertThat(refused.args()).containsExactly(17);
        assertThat(refused.field()).isEqualTo("creditCode");
        assertThat(key(HUAWEI + "0")).isEqualTo("organization.credit-code.length");
    }

    @Test
    void refusesCharactersOutsideTheAlphabetNamingCharacterAndPosition() {
        // I, O, Z, S and V are not used: they are too easily confused with 1, 0, 2, 5 and U
        DomainException refused = refusal("91440300192203821O");
        assertThat(refused.key()).isEqualTo("organization.credit-code.character");
        assertThat(refused.args()).containsExactly("O", 18);
        assertThat(key("9144030019220382I6")).isEqualTo("organization.credit-code.character");
        assertThat(key("91440300中922038216")).isEqualTo("organization.credit-code.character");
    }

    @Test
    void refusesABlankCode() {
        assertThat(key("   ")).isEqualTo("organization.credit-code.required");
        assertThat(key(null)).isEqualTo("organization.credit-code.required");
    }

    @Test
    void refusesAHugeValueWithoutEchoingIt() {
        DomainException refused = refusal("9".repeat(10_000_000));
        assertThat(refused.key()).isEqualTo("organization.credit-code.length");
    }

    private static String key(String typed) {
        return refusal(typed).key();
    }

    private static DomainException refusal(String typed) {
        try {
            CreditCode.of(typed);
        } catch (DomainException refused) {
            return refused;
        }
        throw new AssertionError("accepted " + typed);
    }
}
