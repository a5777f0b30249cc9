package org.kechuang.talent;

import java.util.List;
import org.kechuang.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/** An edit based on an old version: carries the fields that others changed since, and the current version. */
class ExpertStale extends DomainException {

    private final transient List<String> changedFields;
    private final int currentVersion;

    ExpertStale(String shown, List<String> changedFields, int currentVersion) {
        super(HttpStatus.CONFLICT, "expert.stale", "version", shown);
        this.changedFields = List.copyOf(changedFields);
        this.currentVersion = currentVersion;
    }

    List<String> changedFields() {
        return changedFields;
    }

    int currentVersion() {
        return currentVersion;
    }
}
