package org.kechuang.portal;

import java.util.List;
import org.kechuang.platform.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class PortalConfiguration implements WebMvcConfigurer {

    private final List<NavigationItem> navigation;

    PortalConfiguration(List<NavigationItem> navigation) {
        this.navigation = navigation;
    }

    @Bean
    static NavigationItem homeNavigation() {
        return NavigationItem.forEveryone(0, "nav.home", "/");
    }

    @Bean
    static NavigationItem apiNavigation() {
        return NavigationItem.forEveryone(900, "nav.api", "/swagger-ui.html");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PortalModelInterceptor(navigation));
    }
}
