package org.kechuang.caselib;

import java.util.List;
import org.kechuang.platform.web.DomainException;
import org.springframework.http.HttpStatus;

/** An edit based on an old version: carries the fields that others changed since, and the current version. */
class CaseStale extends DomainException {

    private final transient List<String> changedFields;
    private final int currentVersion;

    CaseStale(String shown, List<String> changedFields, int currentVersion) {
        super(HttpStatus.CONFLICT, "case.stale", "version", shown);
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
