package org.kechuang.identity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.kechuang.platform.text.Text;

/**
 * What a username, e-mail address, display name and password must look like. Each check runs on the text as typed;
 * length comes first so that a 10 MB field is refused without scanning it.
 */
final class AccountRules {

    static final int USERNAME_MIN = 3;
    static final int USERNAME_MAX = 32;
    static final int EMAIL_MAX = 254;
    static final int DISPLAY_NAME_MAX = 64;
    static final int PASSWORD_MIN = 8;
    static final int PASSWORD_MAX = 64;
    /** bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
    static final int PASSWORD_MAX_BYTES = 72;

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}_.\\-]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Set<String> COMMON_PASSWORDS = Set.of(
            "password",
            "password1",
            "password123",
            "passw0rd",
            "12345678",
            "123456789",
            "1234567890",
            "qwerty123",
            "qwertyuiop",
            "1q2w3e4r",
            "1qaz2wsx",
            "abc12345",
            "abcd1234",
            "a1234567",
            "iloveyou1",
            "admin123",
            "woaini1314",
            "88888888",
            "11111111",
            "00000000",
            "kechuang",
            "kechuang1",
            "kechuang123");

    private AccountRules() {}

    static List<Refusal> username(String raw) {
        List<Refusal> refusals = new ArrayList<>();
        if (tooLong(raw, USERNAME_MAX * 4)) {
            refusals.add(Refusal.of("username", "text.too-long", USERNAME_MAX));
            return refusals;
        }
        String username = Text.clean(raw);
        if (username == null || username.isEmpty()) {
            refusals.add(Refusal.of("username", "account.required"));
        } else if (Text.hasMarkup(username)) {
            refusals.add(Refusal.of("username", "text.markup"));
        } else if (username.codePointCount(0, username.length()) > USERNAME_MAX) {
            refusals.add(Refusal.of("username", "text.too-long", USERNAME_MAX));
        } else if (username.codePointCount(0, username.length()) < USERNAME_MIN
                || !USERNAME.matcher(username).matches()) {
            refusals.add(Refusal.of("username", "account.username.invalid", USERNAME_MIN, USERNAME_MAX));
        }
        return refusals;
    }

    static List<Refusal> email(String raw) {
        List<Refusal> refusals = new ArrayList<>();
        if (tooLong(raw, EMAIL_MAX * 2)) {
            refusals.add(Refusal.of("email", "text.too-long", EMAIL_MAX));
            return refusals;
        }
        String email = Text.clean(raw);
        if (email == null || email.isEmpty()) {
            refusals.add(Refusal.of("email", "account.required"));
        } else if (Text.hasMarkup(email)) {
            refusals.add(Refusal.of("email", "text.markup"));
        } else if (email.length() > EMAIL_MAX) {
            refusals.add(Refusal.of("email", "text.too-long", EMAIL_MAX));
        } else if (!EMAIL.matcher(email).matches()) {
            refusals.add(Refusal.of("email", "account.email.invalid"));
        }
        return refusals;
    }

    static List<Refusal> displayName(String raw) {
        List<Refusal> refusals = new ArrayList<>();
        if (tooLong(raw, DISPLAY_NAME_MAX * 4)) {
            refusals.add(Refusal.of("displayName", "text.too-long", DISPLAY_NAME_MAX));
            return refusals;
        }
        String name = Text.clean(raw);
        if (name == null || name.isEmpty()) {
            refusals.add(Refusal.of("displayName", "account.required"));
        } else if (Text.hasMarkup(name)) {
            refusals.add(Refusal.of("displayName", "text.markup"));
        } else if (name.codePointCount(0, name.length()) > DISPLAY_NAME_MAX) {
            refusals.add(Refusal.of("displayName", "text.too-long", DISPLAY_NAME_MAX));
        } else if (name.codePoints().anyMatch(Character::isISOControl)) {
            refusals.add(Refusal.of("displayName", "account.display-name.invalid"));
        }
        return refusals;
    }

    /**
     * A new password: long enough, not longer than bcrypt can hold, mixing letters with digits or symbols, not a common
     * password and not the username. The password is never normalized: it is checked and stored as typed.
     *
     * @param field the form field the refusals name
     */
    static List<Refusal> newPassword(String field, String password, String confirmation, String username) {
        List<Refusal> refusals = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            refusals.add(Refusal.of(field, "account.required"));
            return refusals;
        }
        if (password.length() > PASSWORD_MAX || password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            refusals.add(Refusal.of(field, "password.too-long", PASSWORD_MAX_BYTES));
            return refusals;
        }
        if (password.codePointCount(0, password.length()) < PASSWORD_MIN) {
            refusals.add(Refusal.of(field, "password.too-short", PASSWORD_MIN));
        } else if (isWeak(password, username)) {
            refusals.add(Refusal.of(field, "password.weak"));
        } else if (confirmation != null && !password.equals(confirmation)) {
            refusals.add(Refusal.of(field + "Confirmation", "password.mismatch"));
        }
        return refusals;
    }

    static boolean isWeak(String password, String username) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON_PASSWORDS.contains(lower)) {
            return true;
        }
        String name = username == null ? "" : AccountKeys.username(username);
        if (name.length() >= USERNAME_MIN && lower.contains(name)) {
            return true;
        }
        if (password.codePoints().distinct().count() < 4) {
            return true;
        }
        boolean letters = password.codePoints().anyMatch(Character::isLetter);
        boolean digits = password.codePoints().anyMatch(Character::isDigit);
        boolean others = password.codePoints().anyMatch(c -> !Character.isLetterOrDigit(c));
        int kinds = (letters ? 1 : 0) + (digits ? 1 : 0) + (others ? 1 : 0);
        return kinds < 2;
    }

    private static boolean tooLong(String raw, int limit) {
        return raw != null && raw.length() > limit;
    }
}
