package org.kechuang.imports;

import org.kechuang.identity.Role;
import org.kechuang.platform.web.NavigationItem;
import org.kechuang.platform.web.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the import module adds to the portal: public templates and the import page's link for those who import. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    static PublicPaths importTemplatePaths() {
        return PublicPaths.of("/api/v1/imports/templates/**");
    }

    @Bean
    static NavigationItem importsNavigationForStationAdmins() {
        return NavigationItem.forAuthority(800, "imports.nav", "/imports", Role.STATION_ADMIN.authority());
    }

    @Bean
    static NavigationItem importsNavigationForOperators() {
        return NavigationItem.forAuthority(800, "imports.nav", "/imports", Role.OPERATOR.authority());
    }
}
