package org.kechuang.demand;

import java.time.Clock;
import org.kechuang.platform.web.HomeFigure;
import org.kechuang.platform.web.NavigationItem;
import org.kechuang.platform.web.PublicPaths;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** What this module contributes to the portal: public reading, the navigation link, the home figure, the daily job. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(DemandProperties.class)
class DemandConfiguration {

    /** The list and one demand are public (within the visibility rules); the history and every change need a user. */
    @Bean
    static PublicPaths demandPublicPaths() {
        return PublicPaths.of("/api/v1/demands", "/api/v1/demands/{id}", "/demands", "/demands/{id}");
    }

    @Bean
    static NavigationItem demandsNavigation() {
        return NavigationItem.forEveryone(200, "demand.nav", "/demands");
    }

    @Bean
    HomeFigure demandsFigure(Demands demands) {
        return new PublishedFigure(demands);
    }

    /** The time every module reads; a bean so that tests can tell the time they need. */
    @Bean
    @ConditionalOnMissingBean
    static Clock clock() {
        return Clock.systemUTC();
    }

    record PublishedFigure(Demands demands) implements HomeFigure {
        @Override
        public int order() {
            return 200;
        }

        @Override
        public String messageKey() {
            return "demand.figure";
        }

        @Override
        public long count() {
            return demands.countPublished();
        }

        @Override
        public String link() {
            return "/demands";
        }
    }
}
