package org.kechuang.platform.mail;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The embedded mail server's inbox, for operators of a demo: every mail the platform sent, newest first. */
@Controller
@ConditionalOnBooleanProperty("kechuang.mail.embedded.enabled")
@PreAuthorize("hasRole('OPERATOR')")
class MailOutboxController {

    record ReceivedMail(ZonedDateTime sentAt, String from, String to, String subject, String body) {}

    private final GreenMail server;

    MailOutboxController(GreenMail server) {
        this.server = server;
    }

    @GetMapping("/operator/mail")
    String outbox(Model model) {
        model.addAttribute(
                "mails",
                Arrays.stream(server.getReceivedMessages())
                        .map(MailOutboxController::read)
                        .sorted(Comparator.comparing(ReceivedMail::sentAt).reversed())
                        .toList());
        return "operator/mail";
    }

    private static ReceivedMail read(Message message) {
        try {
            Instant sent = message.getSentDate() == null
                    ? Instant.EPOCH
                    : message.getSentDate().toInstant();
            ZonedDateTime local = sent.atZone(ZoneId.systemDefault());
            return new ReceivedMail(
                    local,
                    addresses(message.getFrom()),
                    addresses(message.getAllRecipients()),
                    message.getSubject(),
                    text(message.getContent()));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable mail in the embedded server", e);
        }
    }

    private static String addresses(jakarta.mail.Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        return Arrays.stream(addresses)
                .map(a -> a instanceof InternetAddress internet ? internet.toUnicodeString() : a.toString())
                .collect(Collectors.joining(", "));
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            List<String> parts = new java.util.ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain") || part.isMimeType("multipart/*")) {
                    parts.add(text(part.getContent()));
                }
            }
            return String.join("\n", parts);
        }
        return "";
    }
}
