package org.kechuang.inbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kechuang.identity.CurrentUser;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every page rendered for a signed-in user the number of their unread notices, for the header's badge; the
 * scheduled sender of notice mails.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(InboxProperties.class)
class InboxConfiguration implements WebMvcConfigurer {

    private final Inbox inbox;

    InboxConfiguration(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new UnreadBadge(inbox));
    }

    record UnreadBadge(Inbox inbox) implements HandlerInterceptor {

        @Override
        public void postHandle(
                HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
            if (view == null
                    || !view.hasView()
                    || String.valueOf(view.getViewName()).startsWith("redirect:")) {
                return;
            }
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
                view.addObject("inboxUnread", inbox.unreadCount(user.id()));
            }
        }
    }
}
