package org.kechuang.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, needed with or without the web layer (the bootstrap and seeders create accounts too). */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today; the {id} prefix of each hash lets a later encoder take over without a migration
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
