package org.kechuang.achievement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indexes on optional columns hold only the rows with a value (so that storing records without it costs nothing);
 * the listing filters on those columns must still be able to use them.
 */
@IntegrationTest
class LibraryIndexesIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "achievement where region_code like '33%'|achievement_region_idx",
                "achievement where industry_code like '39%'|achievement_industry_idx",
                "achievement where industry_section = 'C'|achievement_industry_section_idx",
                "achievement where chain_node_code like 'IC-%'|achievement_chain_node_idx",
                "achievement where trl >= 7|achievement_trl_idx",
                "achievement where created_by = 1|achievement_created_by_idx",
                "achievement where status <> 'ARCHIVED' and organization_id = 1 and title_key = 'x'"
                        + "|achievement_owner_title_idx",
                "demand where region_code like '33%'|demand_region_idx",
                "demand where industry_code like '39%'|demand_industry_idx",
                "demand where industry_section = 'C'|demand_industry_section_idx",
                "demand where chain_node_code like 'IC-%'|demand_chain_node_idx",
                "demand where created_by = 1|demand_created_by_idx",
                "demand where status <> 'ARCHIVED' and organization_id = 1 and title_key = 'x'|demand_owner_title_idx"
            })
    void aFilterOnAnOptionalColumnCanUseItsPartialIndex(String query, String index) {
        List<String> plan = transaction.execute(status -> {
            // the demo tables are small enough for a scan to be cheaper: forbid it to see whether the index is usable
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain select id from " + query)
                    .query(String.class)
                    .list();
        });
        assertThat(String.join("\n", plan)).contains(index);
    }
}
