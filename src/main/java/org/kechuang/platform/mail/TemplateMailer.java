package org.kechuang.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders mails with a Thymeleaf engine of its own (text mode, {@code templates/mail/*.txt}) so that the web pages'
 * engine stays as Spring Boot configures it, and hands them to the {@link JavaMailSender}: the embedded server in the
 * demo, {@code spring.mail.*} elsewhere.
 */
@Service
class TemplateMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(TemplateMailer.class);

    private final ObjectProvider<JavaMailSender> senders;
    private final MessageSource messages;
    private final MailProperties properties;
    private final SpringTemplateEngine templates;

    TemplateMailer(ObjectProvider<JavaMailSender> senders, MessageSource messages, MailProperties properties) {
        this.senders = senders;
        this.messages = messages;
        this.properties = properties;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        this.templates = new SpringTemplateEngine();
        this.templates.setTemplateResolver(resolver);
        this.templates.setTemplateEngineMessageSource(messages);
    }

    @Override
    public void send(Mail mail) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            throw new MailFailure(
                    "No mail server configured: set spring.mail.host (or kechuang.mail.embedded.enabled=true)", null);
        }
        String subject = messages.getMessage(mail.subjectKey(), null, mail.locale());
        String body = templates.process(mail.template(), new Context(mail.locale(), mail.variables()));
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(mail.to());
            helper.setSubject(subject);
            helper.setText(body, false);
            sender.send(message);
            log.info("Mail '{}' sent to {}", mail.template(), mail.to());
        } catch (MessagingException | MailException e) {
            throw new MailFailure("Mail '" + mail.template() + "' to " + mail.to() + " could not be sent", e);
        }
    }
}
