package org.kechuang.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first operator of a fresh installation. Read only while no operator exists; remove the password from the
 * configuration once the operator has signed in and changed it.
 */
@ConfigurationProperties("kechuang.bootstrap")
record BootstrapProperties(
        @DefaultValue("operator") String operatorUsername,
        String operatorEmail,
        String operatorPassword,
        @DefaultValue("平台运营") String operatorDisplayName) {

    boolean hasSecret() {
        return operatorPassword != null && !operatorPassword.isEmpty();
    }
}
