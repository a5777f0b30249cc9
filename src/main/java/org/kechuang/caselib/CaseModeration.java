package org.kechuang.caselib;

import org.kechuang.moderation.ContentRejected;
import org.kechuang.moderation.ContentReleased;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Operators' decisions on held cases, arriving from the moderation queue. */
@Component
class CaseModeration {

    private final CaseCatalog catalog;

    CaseModeration(CaseCatalog catalog) {
        this.catalog = catalog;
    }

    @ApplicationModuleListener
    void on(ContentReleased released) {
        if (CaseCatalog.RECORD_TYPE.equals(released.recordType())) {
            catalog.released(released.recordId(), released.operatorId());
        }
    }

    @ApplicationModuleListener
    void on(ContentRejected rejected) {
        if (CaseCatalog.RECORD_TYPE.equals(rejected.recordType())) {
            catalog.rejected(rejected.recordId(), rejected.operatorId(), rejected.reason());
        }
    }
}
