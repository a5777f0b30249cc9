package org.kechuang.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username (or e-mail address) and password for the sign-in form and the token endpoint alike: throttled
 * names are refused before the password is looked at, a wrong password counts as a failure whether or not the account
 * exists, and only a right password reveals that the address is still unconfirmed.
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

    private final AccountStore store;
    private final SignInThrottle throttle;
    private final PasswordEncoder passwords;
    /** Compared against when no account matches, so that unknown names take as long as known ones. */
    private final String decoyHash;

    AccountAuthenticationProvider(AccountStore store, SignInThrottle throttle, PasswordEncoder passwords) {
        this.store = store;
        this.throttle = throttle;
        this.passwords = passwords;
        this.decoyHash = passwords.encode("decoy password for unknown accounts");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName() == null ? "" : authentication.getName();
        Object credentials = authentication.getCredentials();
        return new AccountAuthentication(signIn(login, credentials == null ? "" : credentials.toString()));
    }

    CurrentUser signIn(String login, String password) {
        Optional<AccountStore.Credentials> account = store.credentialsByLogin(login);
        String key = account.map(AccountStore.Credentials::usernameKey)
                .orElseGet(() -> login.contains("@") ? AccountKeys.email(login) : AccountKeys.username(login));
        Optional<Duration> locked = throttle.lockedFor(key);
        if (locked.isPresent()) {
            throw new SignInRefusedException.Throttled(locked.get());
        }
        // no stored password is longer than bcrypt's 72 bytes, so a longer one is wrong without asking bcrypt
        boolean matches = password.getBytes(StandardCharsets.UTF_8).length <= AccountRules.PASSWORD_MAX_BYTES
                && passwords.matches(
                        password,
                        account.map(AccountStore.Credentials::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches) {
            throttle.recordFailure(key);
            throw new BadCredentialsException("Bad credentials");
        }
        if (!account.get().verified()) {
            throw new SignInRefusedException.NotVerified();
        }
        throttle.recordSuccess(key);
        return store.findById(account.get().id()).orElseThrow().toCurrentUser();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
