package org.kechuang.reference;

import org.kechuang.platform.web.HomeFigure;
import org.kechuang.platform.web.NavigationItem;
import org.kechuang.platform.web.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReferenceConfiguration {

    /** Reference data is public: visitors read the API and the browsing page. */
    @Bean
    static PublicPaths referencePublicPaths() {
        return PublicPaths.of("/api/v1/reference/**", "/reference/**");
    }

    @Bean
    static NavigationItem referenceNavigation() {
        return NavigationItem.forEveryone(700, "nav.reference", "/reference");
    }

    @Bean
    static NavigationItem referenceImportNavigation() {
        return NavigationItem.forAuthority(
                850, "nav.reference.imports", OperatorReferencePage.PATH, OperatorReferencePage.AUTHORITY);
    }

    @Bean
    HomeFigure industryChainsFigure(JdbcIndustryChains chains) {
        return new HomeFigure() {
            @Override
            public int order() {
                return 70;
            }

            @Override
            public String messageKey() {
                return "home.figure.industry-chains";
            }

            @Override
            public long count() {
                return chains.count();
            }

            @Override
            public String link() {
                return "/reference#chains";
            }
        };
    }
}
