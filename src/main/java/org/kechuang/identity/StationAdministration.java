package org.kechuang.identity;

import java.util.List;

/** Who administers which station: appointments are made by operators from the station's page. */
public interface StationAdministration {

    /**
     * Makes the account a station admin of the station (granting the role if needed). Refuses an unknown username with
     * a {@code DomainException} keyed {@code account.unknown} on field {@code username}.
     */
    StationAdmin appoint(long stationId, String username);

    /** Removes the appointment; the role goes when the user administers no station any more. */
    void dismiss(long stationId, long userId);

    List<StationAdmin> adminsOf(long stationId);

    record StationAdmin(long userId, String username, String displayName) {}
}
