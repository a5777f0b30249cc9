package org.kechuang.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of every library record: draft → submitted → published | returned (with a reason) → archived. A
 * returned record goes back to its author, who edits and submits it again.
 */
public enum PublicationStatus {
    DRAFT,
    SUBMITTED,
    PUBLISHED,
    RETURNED,
    ARCHIVED;

    /** The statuses a record in this status may move to. */
    public Set<PublicationStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, ARCHIVED);
            case SUBMITTED -> EnumSet.of(PUBLISHED, RETURNED);
            case PUBLISHED -> EnumSet.of(ARCHIVED, RETURNED);
            case RETURNED -> EnumSet.of(SUBMITTED, ARCHIVED);
            case ARCHIVED -> EnumSet.noneOf(PublicationStatus.class);
        };
    }

    public boolean canMoveTo(PublicationStatus target) {
        return next().contains(target);
    }

    /** Whether visitors may see a record in this status. */
    public boolean isPublic() {
        return this == PUBLISHED;
    }
}
