package org.kechuang.platform.mail;

import java.util.Locale;
import java.util.Map;

/**
 * Sends plain-text mails written as Thymeleaf text templates ({@code templates/mail/<template>.txt}), in the
 * recipient's language: the template's {@code #{…}} messages and the subject are resolved in {@link Mail#locale()}.
 */
public interface Mailer {

    /** Sends the mail now; a failure of the mail server is thrown as {@link MailFailure}. */
    void send(Mail mail);

    /**
     * @param to the recipient's address
     * @param locale the recipient's language, usually the one of the request that causes the mail
     * @param subjectKey message-bundle key of the subject
     * @param template name of the text template under {@code templates/mail/}, without {@code .txt}
     * @param variables what the template refers to
     */
    record Mail(String to, Locale locale, String subjectKey, String template, Map<String, Object> variables) {

        public Mail {
            variables = Map.copyOf(variables);
        }
    }

    /** The mail could not be handed to the mail server. */
    final class MailFailure extends RuntimeException {

        public MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
