package org.kechuang.identity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A signed-in account, by session or token: the principal is the {@link CurrentUser}, the name its username. */
final class AccountAuthentication extends AbstractAuthenticationToken {

    private final transient CurrentUser user;

    AccountAuthentication(CurrentUser user) {
        super(user.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.username();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountAuthentication that && that.user.equals(user);
    }

    @Override
    public int hashCode() {
        return user.hashCode();
    }

    static List<String> authorities(CurrentUser user) {
        return user.roles().stream().map(Role::authority).sorted().toList();
    }
}
