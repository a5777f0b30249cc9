package org.kechuang.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.util.UriComponentsBuilder;

/** Sends a refused sign-in back to the form with the reason, so the page can say what to do next. */
class SignInFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        UriComponentsBuilder target = UriComponentsBuilder.fromPath(request.getContextPath() + "/login");
        switch (exception) {
            case SignInRefusedException.Throttled throttled ->
                target.queryParam("error", "throttled").queryParam("minutes", throttled.minutesLeft());
            case SignInRefusedException.NotVerified notVerified -> target.queryParam("error", "unverified");
            default -> target.queryParam("error", "bad-credentials");
        }
        response.sendRedirect(target.build().toUriString());
    }
}
