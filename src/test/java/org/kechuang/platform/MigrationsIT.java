package org.kechuang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class MigrationsIT {

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcClient jdbc;

    @Test
    void migrationsApplyOnAFreshDatabaseAndASecondRunChangesNothing() {
        int applied = flyway.info().applied().length;
        assertThat(applied).isPositive();
        assertThat(flyway.info().pending()).isEmpty();
        String before = schemaFingerprint();

        MigrateResult again = flyway.migrate();

        assertThat(again.migrationsExecuted).isZero();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.info().applied()).hasSize(applied);
        assertThat(schemaFingerprint()).isEqualTo(before);
    }

    @Test
    void theDatabaseWritesDurably() {
        assertThat(jdbc.sql("select current_setting('fsync')")
                        .query(String.class)
                        .single())
                .isEqualTo("on");
        assertThat(jdbc.sql("select current_setting('server_encoding')")
                        .query(String.class)
                        .single())
                .isEqualTo("UTF8");
    }

    private String schemaFingerprint() {
        return String.join("\n", jdbc.sql("""
                        select table_name || '.' || column_name || ':' || data_type
                        from information_schema.columns where table_schema = 'public'
                        order by table_name, ordinal_position""").query(String.class).list());
    }
}
