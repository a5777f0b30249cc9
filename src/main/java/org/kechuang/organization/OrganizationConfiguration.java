package org.kechuang.organization;

import org.kechuang.platform.web.HomeFigure;
import org.kechuang.platform.web.NavigationItem;
import org.kechuang.platform.web.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this module contributes to the portal: public reading, navigation links and live home-page figures. */
@Configuration(proxyBeanMethods = false)
class OrganizationConfiguration {

    /** Reading organizations and stations is public; the import is a POST and stays closed. */
    @Bean
    static PublicPaths organizationPublicPaths() {
        return PublicPaths.of("/api/v1/organizations/**", "/api/v1/stations/**", "/organizations/**", "/stations/**");
    }

    @Bean
    static NavigationItem organizationsNavigation() {
        return NavigationItem.forEveryone(300, "organization.nav", "/organizations");
    }

    @Bean
    static NavigationItem stationsNavigation() {
        return NavigationItem.forEveryone(310, "station.nav", "/stations");
    }

    @Bean
    HomeFigure organizationsFigure(Organizations organizations) {
        return new CountFigure(300, "organization.figure", "/organizations", organizations::count);
    }

    @Bean
    HomeFigure stationsFigure(Stations stations) {
        return new CountFigure(310, "station.figure", "/stations", stations::count);
    }

    record CountFigure(int order, String messageKey, String link, java.util.function.LongSupplier counter)
            implements HomeFigure {
        @Override
        public long count() {
            return counter.getAsLong();
        }
    }
}
