package org.kechuang.identity;

import java.util.Locale;
import org.kechuang.platform.text.Text;

/**
 * The comparison forms of usernames and e-mail addresses: NFKC (so Ｚｈａｎｇ３ and zhang3 are one name) and lower case.
 * Traditional and simplified characters stay distinct: a username is kept as typed.
 */
final class AccountKeys {

    private AccountKeys() {}

    static String username(String username) {
        String cleaned = Text.clean(username);
        return cleaned == null ? "" : cleaned.toLowerCase(Locale.ROOT);
    }

    static String email(String email) {
        String cleaned = Text.clean(email);
        return cleaned == null ? "" : cleaned.toLowerCase(Locale.ROOT);
    }
}
