package org.kechuang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

    @Test
    void acceptsUsernamesOfLettersDigitsChineseAndPunctuation() {
        assertThat(AccountRules.username("zhang_san.01")).isEmpty();
        assertThat(AccountRules.username("張三豐")).isEmpty();
        assertThat(AccountRules.username("ｚｈａｎｇ３"))
                .as("full-width is normalized first")
                .isEmpty();
    }

    @Test
    void refusesMalformedUsernamesWithTheReason() {
        assertThat(keys(AccountRules.username(" "))).containsExactly("account.required");
        assertThat(keys(AccountRules.username("ab"))).containsExactly("account.username.invalid");
        assertThat(keys(AccountRules.username("zhang san"))).containsExactly("account.username.invalid");
        assertThat(keys(AccountRules.username("<img src=x>"))).containsExactly("text.markup");
        assertThat(keys(AccountRules.username("a".repeat(33)))).containsExactly("text.too-long");
        assertThat(keys(AccountRules.username("a".repeat(10_000_000)))).containsExactly("text.too-long");
    }

    @Test
    void checksEmailShapeOnly() {
        assertThat(AccountRules.email("li.si@example.com.cn")).isEmpty();
        assertThat(AccountRules.email("ＬＩ＠ｅｘａｍｐｌｅ．ｃｏｍ"))
                .as("full-width at sign and dot")
                .isEmpty();
        assertThat(keys(AccountRules.email("li.si@localhost"))).containsExactly("account.email.invalid");
        assertThat(keys(AccountRules.email("two@@example.com"))).containsExactly("account.email.invalid");
        assertThat(keys(AccountRules.email("x@example.com<script>"))).containsExactly("text.markup");
    }

    @Test
    void refusesShortWeakAndOverlongPasswords() {
        assertThat(AccountRules.newPassword("password", "Kechuang-2024", "Kechuang-2024", "zhang"))
                .isEmpty();
        assertThat(keys(AccountRules.newPassword("password", "Ab1!", null, "zhang")))
                .containsExactly("password.too-short");
        assertThat(keys(AccountRules.newPassword("password", "onlyletters", null, "zhang")))
                .containsExactly("password.weak");
        assertThat(keys(AccountRules.newPassword("password", "1234567890", null, "zhang")))
                .containsExactly("password.weak");
        assertThat(keys(AccountRules.newPassword("password", "Password123", null, "zhang")))
                .as("common password, any case")
                .containsExactly("password.weak");
        assertThat(keys(AccountRules.newPassword("password", "zhangsan-2024", null, "ZhangSan")))
                .as("contains the username")
                .containsExactly("password.weak");
        assertThat(keys(AccountRules.newPassword("password", "aaaa1111", null, "zhang")))
                .as("too few distinct characters")
                .containsExactly("password.weak");
        assertThat(keys(AccountRules.newPassword("password", "密码" + "很长很长".repeat(6) + "1", null, "zhang")))
                .as("over bcrypt's 72 bytes")
                .containsExactly("password.too-long");
        assertThat(AccountRules.newPassword("password", "Kechuang-2024", "Kechuang-2025", "zhang"))
                .containsExactly(Refusal.of("passwordConfirmation", "password.mismatch"));
    }

    @Test
    void keepsTraditionalCharactersInDisplayNamesAndRefusesMarkup() {
        assertThat(AccountRules.displayName("臺灣積體電路 研發處")).isEmpty();
        assertThat(keys(AccountRules.displayName("<script>alert(1)</script>"))).containsExactly("text.markup");
        assertThat(keys(AccountRules.displayName("名字\u0007"))).containsExactly("account.display-name.invalid");
    }

    @Test
    void comparesUsernamesAndAddressesIgnoringCaseAndWidth() {
        assertThat(AccountKeys.username("ＺＨＡＮＧ３")).isEqualTo(AccountKeys.username("zhang3"));
        assertThat(AccountKeys.email(" Li@Example.COM ")).isEqualTo("li@example.com");
        assertThat(AccountKeys.username("張三")).as("traditional stays distinct").isNotEqualTo("张三");
    }

    private static List<String> keys(List<Refusal> refusals) {
        return refusals.stream().map(Refusal::key).toList();
    }
}
