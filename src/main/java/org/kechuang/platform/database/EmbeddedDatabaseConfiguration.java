package org.kechuang.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Starts PostgreSQL inside the application when no external database is configured: a lasting cluster under
 * {@code data/postgres}, durable writes (zonky turns fsync off; we turn it back on), a fixed port.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties, Environment environment)
            throws IOException {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException(
                    "The prod profile runs only on an external PostgreSQL (>= 15): set spring.datasource.url, "
                            + "spring.datasource.username and spring.datasource.password "
                            + "(or SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD)");
        }
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        Path binaries = properties.binariesDirectory().toAbsolutePath().normalize();
        Files.createDirectories(dataDirectory);
        Files.createDirectories(binaries);
        StaleServerGuard.stopOrphanedServer(dataDirectory);
        long started = System.nanoTime();
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPort(properties.port() == 0 ? freePort() : properties.port())
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setRegisterShutdownHook(false)
                .start();
        log.info(
                "Embedded PostgreSQL started in {} ms on port {} with data in {}",
                (System.nanoTime() - started) / 1_000_000,
                server.getPort(),
                dataDirectory);
        return server;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres server, EmbeddedDatabaseProperties properties) throws SQLException {
        createDatabaseIfMissing(server.getPostgresDatabase(), properties.database());
        HikariConfig config = new HikariConfig();
        config.setPoolName("kechuang-embedded");
        config.setJdbcUrl(server.getJdbcUrl("postgres", properties.database()));
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }

    /** Port 0 asks for any free port: for throwaway clusters (tests), never for a lasting one. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void createDatabaseIfMissing(DataSource admin, String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "kechuang.database.embedded.database must be a plain lower-case name: " + database);
        }
        try (Connection connection = admin.getConnection();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database + " encoding 'UTF8' template template0");
            }
        }
    }
}
