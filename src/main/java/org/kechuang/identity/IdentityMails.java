package org.kechuang.identity;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.kechuang.platform.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** The mails of this module: e-mail verification and password reset, each carrying a single-use link. */
@Component
class IdentityMails {

    private static final Logger log = LoggerFactory.getLogger(IdentityMails.class);

    private final Mailer mailer;
    private final IdentityProperties properties;

    IdentityMails(Mailer mailer, IdentityProperties properties) {
        this.mailer = mailer;
        this.properties = properties;
    }

    /** Sends the verification link; false when the mail server refused it (the user can ask for another). */
    boolean sendVerification(Account account, String token, Locale locale) {
        return send(new Mailer.Mail(
                account.email(),
                locale,
                "mail.verify.subject",
                "verify-email",
                Map.of(
                        "displayName", account.displayName(),
                        "link", link("/verify", token),
                        "hours", properties.verificationLinkValidity().toHours())));
    }

    boolean sendPasswordReset(Account account, String token, Locale locale) {
        return send(new Mailer.Mail(
                account.email(),
                locale,
                "mail.reset.subject",
                "reset-password",
                Map.of(
                        "displayName", account.displayName(),
                        "username", account.username(),
                        "link", link("/password-reset/new", token),
                        "minutes", properties.resetLinkValidity().toMinutes())));
    }

    private boolean send(Mailer.Mail mail) {
        try {
            mailer.send(mail);
            return true;
        } catch (Mailer.MailFailure e) {
            log.error("Could not send {}", mail.template(), e);
            return false;
        }
    }

    /**
     * The link on the configured public address; without one, on the address of the current request (fine behind no
     * proxy; set {@code kechuang.identity.public-url} in production so that a forged Host header cannot redirect it).
     */
    private String link(String path, String token) {
        URI base = properties.publicUrl();
        UriComponentsBuilder builder = base == null
                ? ServletUriComponentsBuilder.fromCurrentContextPath()
                : UriComponentsBuilder.fromUri(base);
        return builder.path(path).queryParam("token", token).build().toUriString();
    }
}
