package org.kechuang.platform.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.charset.StandardCharsets;
import org.kechuang.platform.web.NavigationItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo's mail server: GreenMail inside the application, which accepts every mail and keeps it in memory, so that
 * sign-up and password reset work with nothing set up; operators read the mails on {@code /operator/mail}. All mail is
 * sent to it instead of to {@code spring.mail.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("kechuang.mail.embedded.enabled")
class EmbeddedMailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailConfiguration.class);

    @Bean(destroyMethod = "stop")
    GreenMail embeddedMailServer(MailProperties properties) {
        MailProperties.Embedded embedded = properties.embedded();
        ServerSetup setup = new ServerSetup(embedded.port(), embedded.host(), ServerSetup.PROTOCOL_SMTP);
        if (embedded.port() == 0) {
            setup = setup.dynamicPort();
        }
        GreenMail server = new GreenMail(setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        log.info(
                "Embedded mail server (demo) listening on {}:{}; read its mail on /operator/mail",
                embedded.host(),
                server.getSmtp().getPort());
        return server;
    }

    @Bean
    JavaMailSenderImpl embeddedMailSender(GreenMail server, MailProperties properties) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(properties.embedded().host());
        sender.setPort(server.getSmtp().getPort());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        return sender;
    }

    @Bean
    static NavigationItem mailOutboxNavigation() {
        return NavigationItem.forAuthority(960, "nav.operator.mail", "/operator/mail", "ROLE_OPERATOR");
    }
}
