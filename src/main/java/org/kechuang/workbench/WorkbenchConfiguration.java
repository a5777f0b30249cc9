package org.kechuang.workbench;

import org.kechuang.identity.Role;
import org.kechuang.platform.web.NavigationItem;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * What this module contributes to the portal: the navigation link to the workbench for every signed-in user. A
 * navigation item names one authority, so there is one per role; the navigation shows a path once.
 */
@Configuration(proxyBeanMethods = false)
@Import(WorkbenchConfiguration.Navigation.class)
class WorkbenchConfiguration {

    static class Navigation implements BeanRegistrar {

        @Override
        public void register(BeanRegistry registry, Environment environment) {
            for (Role role : Role.values()) {
                registry.registerBean(
                        "workbenchNavigation" + role.name(),
                        NavigationItem.class,
                        spec -> spec.supplier(context -> NavigationItem.forAuthority(
                                WorkbenchPages.NAVIGATION_ORDER,
                                "workbench.nav",
                                WorkbenchPages.PATH,
                                role.authority())));
            }
        }
    }
}
