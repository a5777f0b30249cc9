package org.kechuang.moderation;

import java.time.Instant;
import java.util.List;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.web.DomainException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The moderation queue over HTTP, for operators only. */
@RestController
@RequestMapping("/api/v1/moderation/items")
@PreAuthorize("hasRole('OPERATOR')")
class ModerationApi {

    static final int MAX_PAGE_SIZE = 100;

    private final ModerationDesk desk;

    ModerationApi(ModerationDesk desk) {
        this.desk = desk;
    }

    record ItemPage(long total, List<ItemResource> results) {}

    record ItemResource(
            long id,
            String recordType,
            long recordId,
            Long stationId,
            String status,
            Instant heldAt,
            List<ModerationItem.SubmittedField> fields,
            List<FindingResource> findings,
            Long decidedBy,
            Instant decidedAt,
            String reason) {

        static ItemResource of(ModerationItem item) {
            return new ItemResource(
                    item.id(),
                    item.recordType(),
                    item.recordId(),
                    item.stationId(),
                    item.status().code(),
                    item.heldAt(),
                    item.fields(),
                    item.findings().stream().map(FindingResource::of).toList(),
                    item.decidedBy(),
                    item.decidedAt(),
                    item.reason());
        }
    }

    /**
     * @param start where the matched text begins in the field's value (UTF-16 index)
     * @param end where it ends, exclusive
     * @param rules the list entries or rules that matched
     */
    record FindingResource(String field, String category, String matched, int start, int end, List<String> rules) {

        static FindingResource of(Match match) {
            return new FindingResource(
                    match.field(), match.category().code(), match.matched(), match.start(), match.end(), match.rules());
        }
    }

    record Rejection(String reason) {}

    @GetMapping
    ItemPage list(
            @RequestParam(defaultValue = "pending") String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        ModerationItem.Status wanted = ModerationItem.Status.ofCode(status);
        if (page < 0) {
            throw DomainException.invalid("page", "moderation.page.invalid");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("size", "moderation.size.invalid", MAX_PAGE_SIZE);
        }
        return new ItemPage(
                desk.count(wanted),
                desk.page(wanted, (long) page * size, size).stream()
                        .map(ItemResource::of)
                        .toList());
    }

    @GetMapping("/{id}")
    ItemResource get(@PathVariable long id) {
        return ItemResource.of(desk.get(id));
    }

    @PostMapping("/{id}/release")
    ItemResource release(@PathVariable long id, @AuthenticationPrincipal CurrentUser operator) {
        return ItemResource.of(desk.release(id, operator.id()));
    }

    @PostMapping(path = "/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    ItemResource reject(
            @PathVariable long id, @RequestBody Rejection rejection, @AuthenticationPrincipal CurrentUser operator) {
        return ItemResource.of(desk.reject(id, rejection.reason(), operator.id()));
    }
}
