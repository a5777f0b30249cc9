package org.kechuang.achievement;

import org.kechuang.moderation.ContentRejected;
import org.kechuang.moderation.ContentReleased;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Operators' decisions on held achievements, arriving from the moderation queue. */
@Component
class AchievementModeration {

    private final AchievementCatalog catalog;

    AchievementModeration(AchievementCatalog catalog) {
        this.catalog = catalog;
    }

    @ApplicationModuleListener
    void on(ContentReleased released) {
        if (AchievementCatalog.RECORD_TYPE.equals(released.recordType())) {
            catalog.released(released.recordId(), released.operatorId());
        }
    }

    @ApplicationModuleListener
    void on(ContentRejected rejected) {
        if (AchievementCatalog.RECORD_TYPE.equals(rejected.recordType())) {
            catalog.rejected(rejected.recordId(), rejected.operatorId(), rejected.reason());
        }
    }
}
