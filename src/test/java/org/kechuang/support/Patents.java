package org.kechuang.support;

import java.util.concurrent.ThreadLocalRandom;

/** CN patent application numbers for tests that need one nobody else uses. */
public final class Patents {

    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};

    private Patents() {}

    /**
     * An invention application number of the given year with a random serial and a correct check digit, e.g.
     * {@code 202110123456.7}.
     */
    public static String freshApplication(int year) {
        String digits =
                year + "1" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = sum % 11;
        return digits + "." + (check == 10 ? "X" : Integer.toString(check));
    }
}
