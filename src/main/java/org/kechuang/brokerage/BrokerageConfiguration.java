package org.kechuang.brokerage;

import org.kechuang.inbox.Channel;
import org.kechuang.inbox.NoticeKind;
import org.kechuang.platform.web.NavigationItem;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(BrokerageProperties.class)
class BrokerageConfiguration {

    /** The managers' board; parties reach their engagements from their inbox and the engagement pages. */
    @Bean
    static NavigationItem engagementsNavigation() {
        return NavigationItem.forAuthority(700, "engagement.nav", "/engagements", "ROLE_MANAGER");
    }

    @Bean
    static NavigationItem diagnosesNavigation() {
        return NavigationItem.forAuthority(710, "diagnosis.nav", "/engagements/diagnoses", "ROLE_MANAGER");
    }

    /** Demands given to a manager, and the author told who helps: worth an e-mail by default. */
    @Bean
    static NoticeKind diagnosisNoticeKind() {
        return new NoticeKind(
                Diagnoses.NOTICE_KIND, "diagnosis.notice.kind", java.util.Set.of(Channel.INBOX, Channel.EMAIL));
    }
}
