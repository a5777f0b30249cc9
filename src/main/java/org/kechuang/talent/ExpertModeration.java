package org.kechuang.talent;

import org.kechuang.moderation.ContentRejected;
import org.kechuang.moderation.ContentReleased;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Operators' decisions on held expert profiles, arriving from the moderation queue. */
@Component
class ExpertModeration {

    private final ExpertCatalog catalog;

    ExpertModeration(ExpertCatalog catalog) {
        this.catalog = catalog;
    }

    @ApplicationModuleListener
    void on(ContentReleased released) {
        if (ExpertCatalog.RECORD_TYPE.equals(released.recordType())) {
            catalog.released(released.recordId(), released.operatorId());
        }
    }

    @ApplicationModuleListener
    void on(ContentRejected rejected) {
        if (ExpertCatalog.RECORD_TYPE.equals(rejected.recordType())) {
            catalog.rejected(rejected.recordId(), rejected.operatorId(), rejected.reason());
        }
    }
}
