package org.kechuang.organization;

import java.time.Instant;

/** A station as the pages show it. */
record StationView(long id, long organizationId, String name, String code, Station.Status status, Instant created) {

    static StationView of(Station station) {
        return new StationView(
                station.id(),
                station.organizationId(),
                station.name(),
                station.code(),
                station.status(),
                station.created());
    }

    public boolean active() {
        return status == Station.Status.ACTIVE;
    }
}
