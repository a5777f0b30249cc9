package org.kechuang.caselib;

import org.kechuang.platform.web.HomeFigure;
import org.kechuang.platform.web.NavigationItem;
import org.kechuang.platform.web.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this module contributes to the portal: public reading, the navigation link and the home figure. */
@Configuration(proxyBeanMethods = false)
class CaseConfiguration {

    /** The list and one case are public (published ones); the history and every change need a user. */
    @Bean
    static PublicPaths casePublicPaths() {
        return PublicPaths.of("/api/v1/cases", "/api/v1/cases/{id}", "/cases", "/cases/{id}");
    }

    @Bean
    static NavigationItem casesNavigation() {
        return NavigationItem.forEveryone(230, "case.nav", "/cases");
    }

    @Bean
    HomeFigure casesFigure(Cases cases) {
        return new PublishedFigure(cases);
    }

    record PublishedFigure(Cases cases) implements HomeFigure {
        @Override
        public int order() {
            return 230;
        }

        @Override
        public String messageKey() {
            return "case.figure";
        }

        @Override
        public long count() {
            return cases.countPublished();
        }

        @Override
        public String link() {
            return "/cases";
        }
    }
}
