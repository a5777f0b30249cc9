package org.kechuang.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the index follows bulk writes (imports, seeding).
 *
 * @param bulkQuietPeriod the changes of a bulk write are indexed once no further bulk change has come for this long,
 *     so that the index does not compete for the processors with the write it follows
 * @param bulkMaxDelay a bulk change waits at most this long, however long the bulk write lasts
 */
@ConfigurationProperties("kechuang.search.sync")
record SearchSyncProperties(
        @DefaultValue("2s") Duration bulkQuietPeriod,
        @DefaultValue("10m") Duration bulkMaxDelay) {}
