package org.kechuang.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kechuang.platform.web.NavigationItem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/** Gives every rendered page the navigation the current user may see and the path for the language switch. */
class PortalModelInterceptor implements HandlerInterceptor {

    private final List<NavigationItem> navigation;

    PortalModelInterceptor(List<NavigationItem> navigation) {
        this.navigation = navigation.stream()
                .sorted(Comparator.comparingInt(NavigationItem::order))
                .toList();
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null || !view.hasView() || isRedirect(view)) {
            return;
        }
        Set<String> authorities = authorities();
        // a page offered to several roles has an item per role: a user holding two of them sees it once
        Set<String> shown = new java.util.HashSet<>();
        view.addObject(
                "navigation",
                navigation.stream()
                        .filter(item -> item.authority() == null || authorities.contains(item.authority()))
                        .filter(item -> shown.add(item.path()))
                        .toList());
        view.addObject(
                "currentPath",
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    private static boolean isRedirect(ModelAndView view) {
        return view.getViewName() != null && view.getViewName().startsWith("redirect:");
    }

    private static Set<String> authorities() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Set.of();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
    }
}
