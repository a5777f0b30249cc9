package org.kechuang.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.kechuang.platform.text.Text;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self-service accounts: registration with e-mail verification, and password reset. Registration stores nothing when
 * any field is refused; mails go out after the transaction committed, so a mail never points to a rolled-back account.
 */
@Service
class Registration {

    /** The roles people may choose for themselves; the others are granted by operators. */
    static final Set<Role> SELF_SERVICE_ROLES = Set.of(Role.ENTERPRISE, Role.EXPERT);

    /** How often one mailbox may receive a new link. */
    private static final Duration RESEND_INTERVAL = Duration.ofMinutes(1);

    record Form(
            String username,
            String email,
            String displayName,
            String password,
            String passwordConfirmation,
            String kind) {}

    sealed interface Outcome {}

    record Registered(Account account, boolean mailSent) implements Outcome {}

    record Refused(List<Refusal> refusals) implements Outcome {}

    private final AccountStore store;
    private final MailLinks links;
    private final IdentityMails mails;
    private final AccessTokens tokens;
    private final PasswordEncoder passwords;
    private final IdentityProperties properties;
    private final TransactionTemplate transactions;

    Registration(
            AccountStore store,
            MailLinks links,
            IdentityMails mails,
            AccessTokens tokens,
            PasswordEncoder passwords,
            IdentityProperties properties,
            TransactionTemplate transactions) {
        this.store = store;
        this.links = links;
        this.mails = mails;
        this.tokens = tokens;
        this.passwords = passwords;
        this.properties = properties;
        this.transactions = transactions;
    }

    static List<Refusal> check(Form form) {
        List<Refusal> refusals = new ArrayList<>();
        refusals.addAll(AccountRules.username(form.username()));
        refusals.addAll(AccountRules.email(form.email()));
        refusals.addAll(AccountRules.displayName(form.displayName()));
        refusals.addAll(AccountRules.newPassword(
                "password", form.password(), form.passwordConfirmation(), Text.clean(form.username())));
        if (kind(form.kind()).isEmpty()) {
            refusals.add(Refusal.of("kind", "account.kind.invalid"));
        }
        return refusals;
    }

    Outcome register(Form form, Locale locale) {
        List<Refusal> refusals = check(form);
        if (refusals.stream().noneMatch(r -> r.field().equals("username")) && store.usernameTaken(form.username())) {
            refusals.add(Refusal.of("username", "account.username.taken"));
        }
        if (refusals.stream().noneMatch(r -> r.field().equals("email")) && store.emailTaken(form.email())) {
            refusals.add(Refusal.of("email", "account.email.taken"));
        }
        if (!refusals.isEmpty()) {
            return new Refused(refusals);
        }
        String hash = passwords.encode(form.password());
        Role role = kind(form.kind()).orElseThrow();
        record Created(Account account, String token) {}
        Created created;
        try {
            created = transactions.execute(status -> {
                long id = store.insert(
                        Text.clean(form.username()),
                        Text.clean(form.email()),
                        Text.clean(form.displayName()),
                        hash,
                        false);
                store.grant(id, role, null);
                String token = links.issue(id, MailLinks.Purpose.VERIFY_EMAIL, properties.verificationLinkValidity());
                return new Created(store.findById(id).orElseThrow(), token);
            });
        } catch (DuplicateKeyException raced) {
            // someone took the name or address between the check and the insert
            String field = raced.getMessage() != null && raced.getMessage().contains("email") ? "email" : "username";
            return new Refused(List.of(Refusal.of(field, "account." + field + ".taken")));
        }
        boolean sent = mails.sendVerification(created.account(), created.token(), locale);
        return new Registered(created.account(), sent);
    }

    /** Confirms the address of the link's account; false when the link is unknown, used or expired. */
    boolean verify(String token) {
        return Boolean.TRUE.equals(transactions.execute(status -> links.consume(token, MailLinks.Purpose.VERIFY_EMAIL)
                .map(accountId -> {
                    store.markVerified(accountId);
                    return true;
                })
                .orElse(false)));
    }

    /** Sends a new verification link if an unverified account has this address; tells the caller nothing either way. */
    void resendVerification(String email, Locale locale) {
        Optional<Account> account = emailLookup(email).filter(found -> !found.verified());
        if (account.isEmpty()
                || links.issuedWithin(account.get().id(), MailLinks.Purpose.VERIFY_EMAIL, RESEND_INTERVAL)) {
            return;
        }
        String token =
                links.issue(account.get().id(), MailLinks.Purpose.VERIFY_EMAIL, properties.verificationLinkValidity());
        mails.sendVerification(account.get(), token, locale);
    }

    /** Sends a reset link if an account has this address; tells the caller nothing either way. */
    void requestPasswordReset(String email, Locale locale) {
        Optional<Account> account = emailLookup(email);
        if (account.isEmpty()
                || links.issuedWithin(account.get().id(), MailLinks.Purpose.RESET_PASSWORD, RESEND_INTERVAL)) {
            return;
        }
        String token =
                links.issue(account.get().id(), MailLinks.Purpose.RESET_PASSWORD, properties.resetLinkValidity());
        mails.sendPasswordReset(account.get(), token, locale);
    }

    /** The account a reset link is for, while the link works. */
    Optional<Account> resetLinkAccount(String token) {
        return links.peek(token, MailLinks.Purpose.RESET_PASSWORD).flatMap(store::findById);
    }

    /**
     * Sets a new password through a reset link. The link is used up, and the account's access tokens are revoked: a
     * reset often means the old password leaked. Following the link proves the mailbox, so the address counts as
     * verified.
     */
    List<Refusal> resetPassword(String token, String password, String confirmation) {
        Optional<Account> account = resetLinkAccount(token);
        if (account.isEmpty()) {
            return List.of(Refusal.of("token", "link.invalid"));
        }
        List<Refusal> refusals = AccountRules.newPassword(
                "password", password, confirmation, account.get().username());
        if (!refusals.isEmpty()) {
            return refusals;
        }
        String hash = passwords.encode(password);
        boolean done = Boolean.TRUE.equals(transactions.execute(
                status -> links.consume(token, MailLinks.Purpose.RESET_PASSWORD)
                        .map(accountId -> {
                            store.changePassword(accountId, hash);
                            store.markVerified(accountId);
                            tokens.revokeAll(accountId);
                            return true;
                        })
                        .orElse(false)));
        return done ? List.of() : List.of(Refusal.of("token", "link.invalid"));
    }

    /** Changes the password of a signed-in user who knows the current one. */
    List<Refusal> changePassword(long accountId, String current, String password, String confirmation) {
        Account account = store.findById(accountId).orElseThrow();
        String hash = store.passwordHash(accountId).orElseThrow();
        if (current == null
                || current.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > AccountRules.PASSWORD_MAX_BYTES
                || !passwords.matches(current, hash)) {
            return List.of(Refusal.of("currentPassword", "password.current-wrong"));
        }
        List<Refusal> refusals = AccountRules.newPassword("password", password, confirmation, account.username());
        if (refusals.isEmpty()) {
            store.changePassword(accountId, passwords.encode(password));
        }
        return refusals;
    }

    private Optional<Account> emailLookup(String email) {
        if (email == null || email.length() > AccountRules.EMAIL_MAX * 2 || Text.cleanOrNull(email) == null) {
            return Optional.empty();
        }
        return store.findByEmail(email);
    }

    static Optional<Role> kind(String kind) {
        if (kind == null) {
            return Optional.empty();
        }
        return SELF_SERVICE_ROLES.stream().filter(r -> r.name().equals(kind)).findFirst();
    }
}
