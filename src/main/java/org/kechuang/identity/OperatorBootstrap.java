package org.kechuang.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Creates the first operator from {@code kechuang.bootstrap.*} when no operator exists. In the {@code prod} profile a
 * platform without an operator and without that secret refuses to start: nobody could run it, and there is no default
 * password to fall back on. Runs before the web server opens its port.
 */
@Component
class OperatorBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final Accounts accounts;
    private final BootstrapProperties properties;
    private final Environment environment;

    OperatorBootstrap(Accounts accounts, BootstrapProperties properties, Environment environment) {
        this.accounts = accounts;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (accounts.anyoneHolds(Role.OPERATOR)) {
            if (properties.hasSecret()) {
                log.info(
                        "An operator exists: kechuang.bootstrap.operator-password is no longer read and can be removed");
            }
            return;
        }
        if (!properties.hasSecret()) {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException("No operator account exists yet. Set kechuang.bootstrap.operator-email "
                        + "and kechuang.bootstrap.operator-password (KECHUANG_BOOTSTRAP_OPERATOR_EMAIL, "
                        + "KECHUANG_BOOTSTRAP_OPERATOR_PASSWORD) for the first start; the operator '"
                        + properties.operatorUsername() + "' is then created once.");
            }
            return;
        }
        createFirstOperator();
    }

    private void createFirstOperator() {
        String username = properties.operatorUsername();
        List<String> problems = new ArrayList<>();
        AccountRules.username(username).forEach(r -> problems.add("operator-username: " + r.key()));
        AccountRules.email(properties.operatorEmail()).forEach(r -> problems.add("operator-email: " + r.key()));
        AccountRules.newPassword("operator-password", properties.operatorPassword(), null, username)
                .forEach(r -> problems.add(r.field() + ": " + r.key() + " " + r.args()));
        Optional<Account> existing = problems.isEmpty() ? accounts.findByUsername(username) : Optional.empty();
        if (existing.isPresent()) {
            problems.add("operator-username: '" + username + "' belongs to an existing account that is no operator;"
                    + " choose another kechuang.bootstrap.operator-username");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Cannot create the first operator from kechuang.bootstrap.*: "
                    + problems.stream().collect(Collectors.joining("; ")));
        }
        accounts.ensure(
                username,
                properties.operatorEmail(),
                properties.operatorPassword(),
                properties.operatorDisplayName(),
                Set.of(Role.OPERATOR));
        log.warn(
                "Created the first operator '{}'. Sign in, change its password and remove"
                        + " kechuang.bootstrap.operator-password from the configuration.",
                username);
    }
}
