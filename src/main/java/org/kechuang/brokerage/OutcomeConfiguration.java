package org.kechuang.brokerage;

import org.kechuang.identity.Role;
import org.kechuang.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The navigation to the outcomes of brokerage: the funnel (managers, station admins, operators), the figures. */
@Configuration(proxyBeanMethods = false)
class OutcomeConfiguration {

    @Bean
    static NavigationItem funnelForManagers() {
        return NavigationItem.forAuthority(710, "outcome.funnel.nav", "/engagements/funnel", Role.MANAGER.authority());
    }

    @Bean
    static NavigationItem funnelForStationAdmins() {
        return NavigationItem.forAuthority(
                710, "outcome.funnel.nav", "/engagements/funnel", Role.STATION_ADMIN.authority());
    }

    @Bean
    static NavigationItem funnelForOperators() {
        return NavigationItem.forAuthority(710, "outcome.funnel.nav", "/engagements/funnel", Role.OPERATOR.authority());
    }

    @Bean
    static NavigationItem figuresForManagers() {
        return NavigationItem.forAuthority(
                720, "outcome.figures.nav", "/engagements/figures", Role.MANAGER.authority());
    }

    @Bean
    static NavigationItem figuresForOperators() {
        return NavigationItem.forAuthority(
                720, "outcome.figures.nav", "/engagements/figures", Role.OPERATOR.authority());
    }
}
