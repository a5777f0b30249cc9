package org.kechuang.talent;

import org.kechuang.platform.web.HomeFigure;
import org.kechuang.platform.web.NavigationItem;
import org.kechuang.platform.web.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this module contributes to the portal: public reading, the navigation link and the home figure. */
@Configuration(proxyBeanMethods = false)
class ExpertConfiguration {

    /** The list and one profile are public (published profiles; contact details are gated); the history and every change need a user. */
    @Bean
    static PublicPaths expertPublicPaths() {
        return PublicPaths.of("/api/v1/experts", "/api/v1/experts/{id}", "/experts", "/experts/{id}");
    }

    @Bean
    static NavigationItem expertsNavigation() {
        return NavigationItem.forEveryone(220, "expert.nav", "/experts");
    }

    @Bean
    HomeFigure expertsFigure(Experts experts) {
        return new PublishedFigure(experts);
    }

    record PublishedFigure(Experts experts) implements HomeFigure {
        @Override
        public int order() {
            return 220;
        }

        @Override
        public String messageKey() {
            return "expert.figure";
        }

        @Override
        public long count() {
            return experts.countPublished();
        }

        @Override
        public String link() {
            return "/experts";
        }
    }
}
