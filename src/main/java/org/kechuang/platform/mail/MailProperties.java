package org.kechuang.platform.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing mail. Without the embedded server, mail goes through the SMTP server configured with {@code spring.mail.*}.
 *
 * @param from the sender address of every mail
 * @param embedded an SMTP server inside the application that keeps what it receives, for demos and tests
 */
@ConfigurationProperties("kechuang.mail")
public record MailProperties(
        @DefaultValue("科创 <no-reply@kechuang.localhost>") String from,
        @DefaultValue Embedded embedded) {

    /**
     * @param enabled whether to start the embedded server and send all mail to it
     * @param host the address it listens on
     * @param port its SMTP port; 0 picks a free one
     */
    public record Embedded(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("3025") int port) {}
}
