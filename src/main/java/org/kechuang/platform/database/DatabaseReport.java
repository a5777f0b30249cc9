package org.kechuang.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** States in the startup log which database the platform runs on, so nobody has to guess. */
@Component
class DatabaseReport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DatabaseReport.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final boolean embedded;

    DatabaseReport(DataSource dataSource, JdbcClient jdbc, ObjectProvider<EmbeddedPostgres> embeddedServer) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.embedded = embeddedServer.getIfAvailable() != null;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String fsync = jdbc.sql("select current_setting('fsync')")
                    .query(String.class)
                    .single();
            log.info(
                    "Database in use: {} PostgreSQL {} at {} (user {}, fsync {})",
                    embedded ? "embedded" : "external",
                    meta.getDatabaseProductVersion(),
                    meta.getURL(),
                    meta.getUserName(),
                    fsync);
        }
    }
}
