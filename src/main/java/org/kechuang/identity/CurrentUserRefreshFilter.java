package org.kechuang.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads the signed-in user of a session on each request, so that a role granted or revoked, or a station
 * appointment, applies at once rather than at the next sign-in. The session keeps only what it had at sign-in; the
 * fresh user lives for this request.
 */
class CurrentUserRefreshFilter extends OncePerRequestFilter {

    private final AccountStore accounts;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    CurrentUserRefreshFilter(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication instanceof AccountAuthentication signedIn) {
            Optional<Account> account =
                    accounts.findById(signedIn.getPrincipal().id());
            SecurityContext context = contexts.createEmptyContext();
            account.ifPresent(found -> context.setAuthentication(new AccountAuthentication(found.toCurrentUser())));
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
