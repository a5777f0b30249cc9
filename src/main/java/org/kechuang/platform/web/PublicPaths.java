package org.kechuang.platform.web;

import java.util.List;

/**
 * Paths a visitor may read without signing in (GET and HEAD only), contributed as a bean by the module that serves
 * them. Everything not listed by some module requires a signed-in user, so a new endpoint is closed until its module
 * says otherwise. Patterns use Spring's {@code PathPattern} syntax ({@code /api/v1/organizations/**}).
 */
public record PublicPaths(List<String> patterns) {

    public static PublicPaths of(String... patterns) {
        return new PublicPaths(List.of(patterns));
    }
}
