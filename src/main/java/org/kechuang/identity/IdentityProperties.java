package org.kechuang.identity;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling and mail links.
 *
 * @param maxFailedSignIns failed sign-ins for one username within {@code failureWindow} that lock it
 * @param failureWindow how far back failed sign-ins count
 * @param lockDuration how long a locked username refuses every sign-in
 * @param verificationLinkValidity how long an e-mail verification link works
 * @param resetLinkValidity how long a password-reset link works
 * @param publicUrl the address users reach the platform at, for links in mails (e.g. {@code https://kechuang.example});
 *     when absent, links use the address of the request that caused the mail
 */
@ConfigurationProperties("kechuang.identity")
record IdentityProperties(
        @DefaultValue("5") int maxFailedSignIns,
        @DefaultValue("15m") Duration failureWindow,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("48h") Duration verificationLinkValidity,
        @DefaultValue("1h") Duration resetLinkValidity,
        URI publicUrl) {}
