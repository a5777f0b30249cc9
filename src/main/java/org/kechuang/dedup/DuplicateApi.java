package org.kechuang.dedup;

import java.time.Instant;
import java.util.List;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.web.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Candidate duplicates across stations and their merging, for operators. */
@RestController
@RequestMapping("/api/v1/duplicates")
@PreAuthorize("hasRole('OPERATOR')")
class DuplicateApi {

    static final int MAX_PAGE_SIZE = 100;

    private final DuplicateDesk desk;

    DuplicateApi(DuplicateDesk desk) {
        this.desk = desk;
    }

    record GroupPage(long total, List<GroupResource> results) {}

    /**
     * @param key the group's stable key (reason and record ids)
     * @param reason {@code patent}, {@code name-affiliation} or {@code title-owner}
     * @param value the shared value
     */
    record GroupResource(String key, String library, String reason, String value, List<DuplicateRecord> records) {

        static GroupResource of(DuplicateDesk.Described described) {
            DuplicateDesk.Candidate candidate = described.candidate();
            return new GroupResource(
                    candidate.key(),
                    candidate.library(),
                    candidate.reason(),
                    candidate.group().value(),
                    described.records());
        }
    }

    /** Merge {@code mergedIds} into {@code keptId}. */
    record Merge(String library, Long keptId, List<Long> mergedIds) {}

    /** Declare the group of {@code recordIds} listed for {@code reason} not to be duplicates. */
    record Dismissal(String library, String reason, List<Long> recordIds) {}

    record ProvenanceResource(
            Long stationId,
            String sourceSystem,
            String sourceId,
            Long importBatchId,
            Long mergedRecordId,
            Long mergedBy,
            Instant mergedAt) {

        static ProvenanceResource of(DuplicateDesk.CarriedProvenance carried) {
            return new ProvenanceResource(
                    carried.provenance().stationId(),
                    carried.provenance().sourceSystem(),
                    carried.provenance().sourceId(),
                    carried.provenance().importBatchId(),
                    carried.mergedRecordId(),
                    carried.mergedBy(),
                    carried.mergedAt());
        }
    }

    record RecordProvenance(String library, long id, List<ProvenanceResource> provenances) {}

    @GetMapping
    GroupPage list(
            @RequestParam(required = false) String library,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw DomainException.invalid("page", "dedup.page.invalid");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("size", "dedup.size.invalid", MAX_PAGE_SIZE);
        }
        List<DuplicateDesk.Candidate> all = desk.candidates(library == null || library.isBlank() ? null : library);
        int from = (int) Math.min((long) page * size, all.size());
        List<DuplicateDesk.Candidate> shown = all.subList(from, Math.min(all.size(), from + size));
        return new GroupPage(
                all.size(), desk.describe(shown).stream().map(GroupResource::of).toList());
    }

    @PostMapping(path = "/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    RecordProvenance merge(@RequestBody Merge merge, @AuthenticationPrincipal CurrentUser operator) {
        if (merge.keptId() == null) {
            throw DomainException.invalid("keptId", "dedup.merge.kept-required");
        }
        return new RecordProvenance(
                merge.library(),
                merge.keptId(),
                desk.merge(merge.library(), merge.keptId(), merge.mergedIds(), operator.id()).stream()
                        .map(ProvenanceResource::of)
                        .toList());
    }

    @PostMapping(path = "/dismiss", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void dismiss(@RequestBody Dismissal dismissal, @AuthenticationPrincipal CurrentUser operator) {
        desk.dismiss(dismissal.library(), dismissal.reason(), dismissal.recordIds(), operator.id());
    }

    @GetMapping("/provenance")
    RecordProvenance provenance(@RequestParam String library, @RequestParam long id) {
        return new RecordProvenance(
                library,
                id,
                desk.provenances(library, id).stream()
                        .map(ProvenanceResource::of)
                        .toList());
    }
}
