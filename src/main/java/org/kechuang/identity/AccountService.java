package org.kechuang.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and station appointments, for code acting on behalf of the platform. */
@Service
class AccountService implements Accounts, StationAdministration {

    private final AccountStore store;
    private final PasswordEncoder passwords;

    AccountService(AccountStore store, PasswordEncoder passwords) {
        this.store = store;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public Account ensure(String username, String email, String password, String displayName, Set<Role> roles) {
        if (roles.contains(Role.STATION_ADMIN)) {
            throw new IllegalArgumentException(
                    "Station admins are appointed for a station through StationAdministration.appoint");
        }
        Optional<Account> existing = store.findByUsername(username);
        if (existing.isPresent()) {
            Account account = existing.get();
            roles.stream().filter(role -> !account.has(role)).forEach(role -> store.grant(account.id(), role, null));
            return store.findById(account.id()).orElseThrow();
        }
        List<Refusal> refusals = new ArrayList<>();
        refusals.addAll(AccountRules.username(username));
        refusals.addAll(AccountRules.email(email));
        refusals.addAll(AccountRules.displayName(displayName));
        if (password == null || password.isEmpty()) {
            refusals.add(Refusal.of("password", "account.required"));
        }
        if (!refusals.isEmpty()) {
            Refusal first = refusals.getFirst();
            throw DomainException.invalid(
                    first.field(), first.key(), first.args().toArray());
        }
        if (store.emailTaken(email)) {
            throw DomainException.conflict("email", "account.email.taken");
        }
        long id = store.insert(
                Text.clean(username), Text.clean(email), Text.clean(displayName), passwords.encode(password), true);
        roles.forEach(role -> store.grant(id, role, null));
        return store.findById(id).orElseThrow();
    }

    @Override
    public Optional<Account> findByUsername(String username) {
        return store.findByUsername(username);
    }

    @Override
    public Optional<Account> findById(long id) {
        return store.findById(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Account> holding(Role role) {
        return store.holding(role);
    }

    @Override
    @Transactional
    public void grant(long accountId, Role role) {
        refuseStationAdmin(role);
        store.findById(accountId).orElseThrow(() -> DomainException.notFound("account.unknown"));
        store.grant(accountId, role, null);
    }

    @Override
    @Transactional
    public void revoke(long accountId, Role role) {
        refuseStationAdmin(role);
        store.revoke(accountId, role);
    }

    @Override
    public boolean anyoneHolds(Role role) {
        return store.anyoneHolds(role);
    }

    @Override
    @Transactional
    public StationAdmin appoint(long stationId, String username) {
        Account account = store.findByUsername(username == null ? "" : username)
                .orElseThrow(() -> DomainException.invalid("username", "account.unknown"));
        store.grant(account.id(), Role.STATION_ADMIN, stationId);
        return new StationAdmin(account.id(), account.username(), account.displayName());
    }

    @Override
    @Transactional
    public void dismiss(long stationId, long userId) {
        // the role is the set of appointments: removing the last one leaves no STATION_ADMIN grant behind
        store.dismiss(stationId, userId);
    }

    @Override
    public List<StationAdmin> adminsOf(long stationId) {
        return store.adminsOf(stationId);
    }

    private static void refuseStationAdmin(Role role) {
        if (role == Role.STATION_ADMIN) {
            throw DomainException.invalid("role", "role.station-admin-by-station");
        }
    }
}
