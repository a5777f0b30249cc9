package org.kechuang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kechuang.KechuangApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded store outside the shared test context: what the data directory holds across starts and stops. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseIT {

    @TempDir
    Path data;

    @Test
    void keepsDataAcrossAStopAndAStartAndStopsItsServerCleanly(CapturedOutput log) {
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(JdbcClient.class).sql("create table kept (note text)").update();
            first.getBean(JdbcClient.class)
                    .sql("insert into kept values ('写入后仍在')")
                    .update();
        }
        assertThat(data.resolve("postgres/postmaster.pid")).doesNotExist();
        assertThat(log.getOut())
                .contains("Database in use: embedded PostgreSQL 17")
                .contains("fsync on");

        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(JdbcClient.class)
                            .sql("select note from kept")
                            .query(String.class)
                            .single())
                    .isEqualTo("写入后仍在");
        }
    }

    @Test
    void prodProfileRefusesToStartWithoutAnExternalDatabase() {
        assertThatThrownBy(() -> start("prod").close())
                .hasStackTraceContaining("prod profile runs only on an external PostgreSQL");
        assertThat(Files.exists(data.resolve("postgres/PG_VERSION"))).isFalse();
    }

    @Test
    void runsOnAnExternalPostgresqlWhenADatasourceUrlIsGivenAndStartsNothingEmbedded(CapturedOutput log)
            throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                        .setDataDirectory(data.resolve("external"))
                        .setOverrideWorkingDirectory(
                                Path.of("target/pg-binaries").toAbsolutePath().toFile())
                        .start();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(KechuangApplication.class)
                        .profiles("test-bare")
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                                "--spring.datasource.username=postgres",
                                "--kechuang.database.embedded.data-directory=" + data.resolve("postgres"))) {
            assertThat(app.getBeanProvider(EmbeddedPostgres.class).getIfAvailable())
                    .isNull();
            assertThat(data.resolve("postgres")).doesNotExist();
            assertThat(log.getOut()).contains("Database in use: external PostgreSQL");
            try (var connection = external.getPostgresDatabase().getConnection();
                    var rows =
                            connection.createStatement().executeQuery("select count(*) from flyway_schema_history")) {
                rows.next();
                assertThat(rows.getInt(1))
                        .as("migrations ran on the external server")
                        .isPositive();
            }
        }
    }

    private ConfigurableApplicationContext start(String... profiles) {
        return new SpringApplicationBuilder(KechuangApplication.class)
                .profiles(profiles.length == 0 ? new String[] {"test-bare"} : profiles)
                .run(
                        "--server.port=0",
                        "--kechuang.database.embedded.port=0",
                        "--kechuang.database.embedded.data-directory=" + data.resolve("postgres"),
                        "--kechuang.database.embedded.binaries-directory=target/pg-binaries",
                        "--kechuang.bootstrap.operator-email=ops@example.org",
                        "--kechuang.bootstrap.operator-password=a-long-bootstrap-secret");
    }
}
