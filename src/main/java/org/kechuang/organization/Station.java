package org.kechuang.organization;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;

/**
 * A resource connection station (资源衔接站点): one organization's seat on the platform, identified in addresses by a
 * short code. A suspended station keeps its records, but its admins cannot act in it until it is resumed.
 */
class Station {

    enum Status {
        ACTIVE,
        SUSPENDED
    }

    static final int NAME_MAX = 200;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,38}[a-z0-9]");

    private final Long id;
    private final long organizationId;
    private final String name;
    private final String code;
    private Status status;
    private final Instant created;
    private final int version;

    Station(Long id, long organizationId, String name, String code, Status status, Instant created, int version) {
        this.id = id;
        this.organizationId = organizationId;
        this.name = Objects.requireNonNull(name);
        this.code = Objects.requireNonNull(code);
        this.status = Objects.requireNonNull(status);
        this.created = Objects.requireNonNull(created);
        this.version = version;
    }

    /** Opens a station for the organization, named after it unless another name is given. */
    static Station open(long organizationId, String organizationName, String name, String code, Instant now) {
        String cleanName = Text.cleanOrNull(name);
        if (cleanName == null) {
            cleanName = organizationName;
        } else if (cleanName.length() > NAME_MAX) {
            throw DomainException.invalid("name", "text.too-long", NAME_MAX);
        } else if (Text.hasMarkup(cleanName)) {
            throw DomainException.invalid("name", "text.markup");
        }
        return new Station(null, organizationId, cleanName, canonicalCode(code), Status.ACTIVE, now, 0);
    }

    /** Station codes are lower-case slugs (2–40 letters, digits, inner hyphens) so they read well in addresses. */
    static String canonicalCode(String typed) {
        if (typed == null || typed.length() > 200) {
            throw DomainException.invalid("code", typed == null ? "station.code.required" : "station.code.invalid");
        }
        String code = Text.clean(typed).toLowerCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw DomainException.invalid("code", "station.code.required");
        }
        if (!CODE.matcher(code).matches()) {
            throw DomainException.invalid("code", "station.code.invalid");
        }
        return code;
    }

    void suspend() {
        if (status == Status.SUSPENDED) {
            throw DomainException.conflict("status", "station.already-suspended");
        }
        status = Status.SUSPENDED;
    }

    void resume() {
        if (status == Status.ACTIVE) {
            throw DomainException.conflict("status", "station.already-active");
        }
        status = Status.ACTIVE;
    }

    boolean active() {
        return status == Status.ACTIVE;
    }

    Long id() {
        return id;
    }

    long organizationId() {
        return organizationId;
    }

    String name() {
        return name;
    }

    String code() {
        return code;
    }

    Status status() {
        return status;
    }

    Instant created() {
        return created;
    }

    int version() {
        return version;
    }
}
