package org.kechuang.brokerage;

import org.kechuang.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the engagement pages add to the portal: the board's link for operators (everyone's engagements) and station
 * admins (their stations' engagements), next to the managers' link; a user holding several of these roles sees it once.
 */
@Configuration(proxyBeanMethods = false)
class EngagementPagesConfiguration {

    @Bean
    static NavigationItem engagementsNavigationForOperators() {
        return NavigationItem.forAuthority(700, "engagement.nav", "/engagements", "ROLE_OPERATOR");
    }

    @Bean
    static NavigationItem engagementsNavigationForStationAdmins() {
        return NavigationItem.forAuthority(700, "engagement.nav", "/engagements", "ROLE_STATION_ADMIN");
    }
}
