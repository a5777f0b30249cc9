package org.kechuang.brokerage;

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
}
