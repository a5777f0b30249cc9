package org.kechuang.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL server, used whenever no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the cluster lives; it survives restarts and is tied to one PostgreSQL major version
 * @param binariesDirectory where the PostgreSQL binaries are unpacked (kept so restarts need no unpacking)
 * @param port the fixed port; a fixed port lets a restart find and stop a server orphaned by a killed JVM
 * @param database the database created inside the cluster for the application
 */
@ConfigurationProperties("kechuang.database.embedded")
public record EmbeddedDatabaseProperties(
        @DefaultValue("data/postgres") Path dataDirectory,
        @DefaultValue("data/pg-binaries") Path binariesDirectory,
        @DefaultValue("54329") int port,
        @DefaultValue("kechuang") String database) {}
