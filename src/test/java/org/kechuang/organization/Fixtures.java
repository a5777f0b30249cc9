package org.kechuang.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.support.WebUser;

/** Unique test data for the shared integration database: people, names and valid credit codes nobody else uses. */
final class Fixtures {

    static final String PASSWORD = "Organization-Tests-9";
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Fixtures() {}

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A Chinese organization name no other test uses. */
    static String name(String kind) {
        StringBuilder digits = new StringBuilder();
        // Chinese numerals keep the name free of Latin letters, which would make case and width tests ambiguous
        for (char c : unique().toCharArray()) {
            digits.append("零一二三四五六七八九甲乙丙丁戊己".charAt(Character.digit(c, 16)));
        }
        return "测试" + digits + kind;
    }

    /** A new account with the roles (station admins get theirs by appointment) and the fixed password. */
    static String person(Accounts accounts, Role... roles) {
        String username = "org-" + unique();
        accounts.ensure(username, username + "@example.com", PASSWORD, "测试用户" + username, Set.of(roles));
        return username;
    }

    /** A random unified social credit code that passes GB 32100-2015, computed independently of the product. */
    static String creditCode() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder code = new StringBuilder("91440300");
        for (int i = 0; i < 9; i++) {
            code.append(ALPHABET.charAt(random.nextInt(10)));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return code.append(ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }

    /** The code with its check character replaced by a wrong one. */
    static String corrupted(String code) {
        char last = code.charAt(17);
        char wrong = ALPHABET.charAt((ALPHABET.indexOf(last) + 1) % ALPHABET.length());
        return code.substring(0, 17) + wrong;
    }

    /**
     * A visitor's write is refused before it reaches the module: 401 when the security chain asks for a sign-in, 403
     * when its CSRF check (which runs first for requests without a bearer token) refuses the request.
     */
    static void assertVisitorRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isIn(401, 403);
        assertThat(WebUser.read(response).get("key").asString()).isIn("unauthenticated", "forbidden");
    }

    /** Full-width forms of digits and Latin letters, as Chinese input methods type them. */
    static String fullWidth(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c > 0x20 && c < 0x7f ? (char) (c + 0xFEE0) : (char) c));
        return out.toString();
    }
}
