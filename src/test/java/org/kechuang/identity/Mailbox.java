package org.kechuang.identity;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** Reads what the application's embedded mail server received, for one address. */
final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final GreenMail server;

    Mailbox(GreenMail server) {
        this.server = server;
    }

    List<MimeMessage> of(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> recipient(message).equalsIgnoreCase(address))
                .toList();
    }

    /** Waits for the n-th mail (1 = first) to the address. */
    MimeMessage await(String address, int count) {
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> of(address).size() >= count);
        return of(address).get(count - 1);
    }

    static String body(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (IOException | MessagingException e) {
            throw new AssertionError(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /** The path and query of the first link in the mail. */
    static String link(MimeMessage message) {
        Matcher link = LINK.matcher(body(message));
        if (!link.find()) {
            throw new AssertionError("No link in mail:\n" + body(message));
        }
        java.net.URI uri = java.net.URI.create(link.group());
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
