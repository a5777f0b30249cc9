package org.kechuang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kechuang.KechuangApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The prod profile on an external PostgreSQL (a throwaway server of its own): the first operator and nothing else. */
class OperatorBootstrapIT {

    private static EmbeddedPostgres external;

    @BeforeAll
    static void startExternalDatabase() throws IOException {
        external = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(new File("target/pg-binaries"))
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .start();
    }

    @AfterAll
    static void stopExternalDatabase() throws IOException {
        external.close();
    }

    @Test
    void prodCreatesTheFirstOperatorOnceFromTheBootstrapSecretAndRefusesToStartWithoutIt() {
        assertThatThrownBy(() -> start().close())
                .as("no operator, no secret")
                .hasStackTraceContaining("No operator account exists yet")
                .hasStackTraceContaining("kechuang.bootstrap.operator-password");

        assertThatThrownBy(() -> start(
                                "kechuang.bootstrap.operator-email=ops@example.org",
                                "kechuang.bootstrap.operator-password=password123")
                        .close())
                .as("a weak secret is refused")
                .hasStackTraceContaining("operator-password: password.weak");

        try (ConfigurableApplicationContext first = start(
                "kechuang.bootstrap.operator-email=ops@example.org",
                "kechuang.bootstrap.operator-password=a-long-bootstrap-secret")) {
            Account operator =
                    first.getBean(Accounts.class).findByUsername("operator").orElseThrow();
            assertThat(operator.roles()).containsExactly(Role.OPERATOR);
            assertThat(operator.verified()).isTrue();
            assertThat(operator.email()).isEqualTo("ops@example.org");
        }

        try (ConfigurableApplicationContext again = start()) {
            assertThat(again.getBean(JdbcClient.class)
                            .sql("SELECT count(*) FROM account")
                            .query(Long.class)
                            .single())
                    .as("once an operator exists, prod starts without the secret and creates nothing")
                    .isOne();
        }
    }

    private static ConfigurableApplicationContext start(String... extra) {
        // command-line arguments, because builder properties are defaults that application.yml would override
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password="));
        Arrays.stream(extra).map(property -> "--" + property).forEach(arguments::add);
        return new SpringApplicationBuilder(KechuangApplication.class)
                .profiles("prod")
                .run(arguments.toArray(String[]::new));
    }
}
