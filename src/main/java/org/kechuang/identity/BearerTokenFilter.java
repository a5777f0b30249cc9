package org.kechuang.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs API requests in by personal access token. A request that presents a token that is unknown or revoked is
 * answered 401 at once rather than treated as a visitor's, so a client learns its token is dead. The token's user is
 * not stored in the session: each request carries its own token.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final AccessTokens tokens;
    private final ProblemResponder problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(AccessTokens tokens, ProblemResponder problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    static boolean hasBearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearerToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader(HttpHeaders.AUTHORIZATION)
                .substring(PREFIX.length())
                .strip();
        Optional<CurrentUser> user = token.isEmpty() ? Optional.empty() : tokens.authenticate(token);
        if (user.isEmpty()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "token.invalid");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new AccountAuthentication(user.get()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
