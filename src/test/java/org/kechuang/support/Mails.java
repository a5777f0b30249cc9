package org.kechuang.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** Reading the mails the embedded SMTP server (GreenMail) received, for tests that check what was sent to whom. */
public final class Mails {

    private Mails() {}

    /** Every mail the server received for the address, oldest first. */
    public static List<MimeMessage> to(GreenMail server, String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> recipient(message).equalsIgnoreCase(address))
                .toList();
    }

    public static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /** The text of a plain-text mail. */
    public static String body(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (IOException | MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
