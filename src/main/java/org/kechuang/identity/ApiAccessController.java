package org.kechuang.identity;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.kechuang.platform.web.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Personal access tokens and the current user, for API clients. */
@RestController
class ApiAccessController {

    record TokenRequest(String username, String password, String name) {}

    record TokenResponse(String token) {}

    record TokenView(long id, String name, Instant createdAt, Instant lastUsedAt) {}

    record Me(
            long id,
            String username,
            String displayName,
            String email,
            List<Role> roles,
            Set<Long> administeredStations) {}

    private final AccountAuthenticationProvider signIn;
    private final AccessTokens tokens;

    ApiAccessController(AccountAuthenticationProvider signIn, AccessTokens tokens) {
        this.signIn = signIn;
        this.tokens = tokens;
    }

    /** Signs in with username (or e-mail) and password and returns a new personal access token. */
    @PostMapping(SecurityConfiguration.TOKEN_ENDPOINT)
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse createToken(@RequestBody TokenRequest request) {
        if (request.username() == null || request.username().isBlank()) {
            throw DomainException.invalid("username", "required", "username");
        }
        if (request.password() == null || request.password().isEmpty()) {
            throw DomainException.invalid("password", "required", "password");
        }
        CurrentUser user;
        try {
            user = signIn.signIn(request.username(), request.password());
        } catch (SignInRefusedException.Throttled e) {
            throw new DomainException(HttpStatus.TOO_MANY_REQUESTS, e.key(), null, e.minutesLeft());
        } catch (SignInRefusedException.NotVerified e) {
            throw new DomainException(HttpStatus.FORBIDDEN, e.key(), null);
        } catch (BadCredentialsException e) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "login.bad-credentials", null);
        }
        return new TokenResponse(tokens.create(user.id(), request.name()));
    }

    /** The caller's own live tokens (never the tokens themselves). */
    @GetMapping(SecurityConfiguration.TOKEN_ENDPOINT)
    List<TokenView> listTokens(@AuthenticationPrincipal CurrentUser user) {
        return tokens.liveTokensOf(user.id()).stream()
                .map(t -> new TokenView(t.id(), t.name(), t.createdAt(), t.lastUsedAt()))
                .toList();
    }

    @DeleteMapping(SecurityConfiguration.TOKEN_ENDPOINT + "/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        tokens.revoke(user.id(), id);
    }

    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal CurrentUser user) {
        return new Me(
                user.id(),
                user.username(),
                user.displayName(),
                user.email(),
                user.roles().stream().sorted().toList(),
                user.administeredStations());
    }
}
