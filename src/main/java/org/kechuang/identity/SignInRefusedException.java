package org.kechuang.identity;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Sign-in refusals other than a wrong password, each with the problem key shown to the user. */
abstract sealed class SignInRefusedException extends AuthenticationException {

    SignInRefusedException(String message) {
        super(message);
    }

    abstract String key();

    /** Too many failed sign-ins for this username recently. */
    static final class Throttled extends SignInRefusedException {

        private final transient Duration remaining;

        Throttled(Duration remaining) {
            super("Too many failed sign-ins; locked for " + remaining);
            this.remaining = remaining;
        }

        @Override
        String key() {
            return "login.throttled";
        }

        /** Whole minutes left, rounded up, for the message. */
        long minutesLeft() {
            return Math.max(1, (remaining.toSeconds() + 59) / 60);
        }
    }

    /** The password was right but the e-mail address is not confirmed yet. */
    static final class NotVerified extends SignInRefusedException {

        NotVerified() {
            super("E-mail address not verified");
        }

        @Override
        String key() {
            return "login.unverified";
        }
    }
}
