package org.kechuang.demand;

import org.kechuang.moderation.ContentRejected;
import org.kechuang.moderation.ContentReleased;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Operators' decisions on held demands, arriving from the moderation queue. */
@Component
class DemandModeration {

    private final DemandCatalog catalog;

    DemandModeration(DemandCatalog catalog) {
        this.catalog = catalog;
    }

    @ApplicationModuleListener
    void on(ContentReleased released) {
        if (DemandCatalog.RECORD_TYPE.equals(released.recordType())) {
            catalog.released(released.recordId(), released.operatorId());
        }
    }

    @ApplicationModuleListener
    void on(ContentRejected rejected) {
        if (DemandCatalog.RECORD_TYPE.equals(rejected.recordType())) {
            catalog.rejected(rejected.recordId(), rejected.operatorId(), rejected.reason());
        }
    }
}
