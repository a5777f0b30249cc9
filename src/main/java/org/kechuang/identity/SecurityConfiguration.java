package org.kechuang.identity;

import java.util.List;
import org.kechuang.platform.web.PublicPaths;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open what. Closed by default: visitors read only the GET paths modules list in {@link PublicPaths} beans
 * plus the sign-in, registration, verification and password-reset pages and the technical endpoints below; role rules
 * sit on controllers ({@code @PreAuthorize}). The API ({@code /api/**}) accepts a personal access token or the web
 * session and answers refusals as problem documents; web pages redirect visitors to the sign-in form.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String TOKEN_ENDPOINT = "/api/v1/auth/tokens";

    /** Open to everyone with any method: pages a visitor needs to become a user, and technical endpoints. */
    private static final String[] ALWAYS_OPEN = {
        "/",
        "/login",
        "/register",
        "/register/**",
        "/verify",
        "/verify/**",
        "/password-reset",
        "/password-reset/**",
        "/css/**",
        "/js/**",
        "/webjars/**",
        "/favicon.ico",
        "/error",
        "/actuator/health/**",
        "/actuator/prometheus",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html"
    };

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Swagger UI (third-party) sets inline styles from its script; nothing else is relaxed, and only on its pages. */
    static final String SWAGGER_UI_CONTENT_SECURITY_POLICY =
            CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            List<PublicPaths> publicPaths,
            AccessTokens tokens,
            AccountStore accounts,
            ProblemResponder problems) {
        RequestMatcher tokenEndpoint =
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, TOKEN_ENDPOINT);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(authorize -> {
                    openToVisitors(authorize, publicPaths);
                    authorize.requestMatchers(tokenEndpoint).permitAll();
                    authorize.anyRequest().authenticated();
                })
                // a token is not sent by browsers on their own, so requests carrying one cannot be forged cross-site;
                // nor can a request without a session, which carries no credentials: it gets its 401, not a CSRF 403
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        BearerTokenFilter::hasBearerToken, tokenEndpoint, request -> request.getSession(false) == null))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .addFilterAfter(new CurrentUserRefreshFilter(accounts), SecurityContextHolderFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, List<PublicPaths> publicPaths, AccountStore accounts) {
        http.authorizeHttpRequests(authorize -> {
                    openToVisitors(authorize, publicPaths);
                    authorize.requestMatchers(ALWAYS_OPEN).permitAll();
                    authorize.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login")
                        .failureHandler(new SignInFailureHandler())
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut").permitAll())
                .addFilterAfter(new CurrentUserRefreshFilter(accounts), SecurityContextHolderFilter.class)
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    private static void openToVisitors(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize,
            List<PublicPaths> publicPaths) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        for (PublicPaths contribution : publicPaths) {
            for (String pattern : contribution.patterns()) {
                authorize
                        .requestMatchers(
                                paths.matcher(HttpMethod.GET, pattern), paths.matcher(HttpMethod.HEAD, pattern))
                        .permitAll();
            }
        }
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        RequestMatcher swaggerUi = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
        headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        swaggerUi, new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(swaggerUi),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }
}
