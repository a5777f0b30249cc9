package org.kechuang.demand;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Demands expire at their deadline: once a day the open ones (draft, returned, published) whose deadline has passed
 * are archived, each with an {@code expired} entry in its history. Archiving rather than flagging takes them out of
 * every public listing and out of matching; the author posts a new demand if the problem is still open.
 */
@Component
class DemandExpiry {

    private static final Logger log = LoggerFactory.getLogger(DemandExpiry.class);

    private final DemandCatalog catalog;
    private final Clock clock;

    DemandExpiry(DemandCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Scheduled(cron = "${kechuang.demand.expiry-cron:0 10 0 * * *}", zone = "Asia/Shanghai")
    void archiveExpired() {
        int archived = catalog.archiveExpired(clock);
        if (archived > 0) {
            log.info("Archived {} demands past their deadline", archived);
        }
    }
}
