package org.kechuang.demand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.kechuang.identity.CurrentUser;
import org.kechuang.imports.ImportFiles;
import org.kechuang.imports.ImportRow;
import org.kechuang.organization.Stations;
import org.kechuang.platform.web.DomainException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A station's demands (all but archived ones) as a file in the import template's columns, so that the file
 * imports again as it is: same source ids, same values. Records entered through forms have no source id; their rows
 * leave it blank and would be refused by an import.
 */
@RestController
class DemandExport {

    private static final int PAGE = 1000;

    private final Rows rows;
    private final DemandImportTarget target;
    private final Stations stations;

    DemandExport(Rows rows, DemandImportTarget target, Stations stations) {
        this.rows = rows;
        this.target = target;
        this.stations = stations;
    }

    @GetMapping("/api/v1/demands/export")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam String station,
            @RequestParam(defaultValue = "csv") String format,
            @AuthenticationPrincipal CurrentUser user) {
        if (user == null) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "unauthenticated", null);
        }
        ImportFiles.Format file = ImportFiles.Format.parse(format);
        Stations.StationSummary found = stations.findByCode(station)
                .orElseThrow(() -> DomainException.invalid("station", "imports.station.unknown", station));
        if (!user.administers(found.id())) {
            throw DomainException.forbidden("demand.export.forbidden");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("demands-" + found.code() + "." + file.extension())
                                .build()
                                .toString())
                .body(out -> ImportFiles.write(file, target, sink -> rows.each(found.id(), sink), out));
    }

    /** The station's demands as import rows, page by page. */
    @Service
    static class Rows {

        private final DemandRepository demands;

        Rows(DemandRepository demands) {
            this.demands = demands;
        }

        @Transactional(readOnly = true)
        void each(long stationId, Consumer<ImportRow> sink) {
            long after = 0;
            while (true) {
                List<Demand> page = demands.ofStation(stationId, after, PAGE);
                page.forEach(demand -> sink.accept(row(demand)));
                if (page.size() < PAGE) {
                    return;
                }
                after = page.getLast().id();
            }
        }

        static ImportRow row(Demand demand) {
            DemandContent c = demand.content();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("title", c.title());
            values.put("background", c.background());
            values.put("technicalProblems", c.technicalProblems());
            values.put(
                    "targetIndicators",
                    c.targetIndicators().isEmpty()
                            ? null
                            : String.join(
                                    "\n",
                                    c.targetIndicators().stream()
                                            .map(TargetIndicator::display)
                                            .toList()));
            values.put("industryCode", c.industryCode());
            values.put("chainNodeCode", c.chainNodeCode());
            values.put("applicationScenario", c.applicationScenario());
            values.put("regionCode", c.regionCode());
            values.put(
                    "cooperationModes",
                    c.cooperationModes().stream()
                            .sorted()
                            .map(mode -> mode.chineseName())
                            .toList());
            values.put("budgetMin", c.budgetMin() == null ? null : c.budgetMin().toPlainString());
            values.put("budgetMax", c.budgetMax() == null ? null : c.budgetMax().toPlainString());
            values.put("deadline", c.deadline() == null ? null : c.deadline().toString());
            values.put("confidential", c.confidential() ? "是" : "否");
            values.put("contactPerson", c.contact().person());
            values.put("contactPhone", c.contact().phone());
            values.put("contactEmail", c.contact().email());
            values.put(
                    "organizationId",
                    c.organizationId() == null ? null : c.organizationId().toString());
            return ImportFiles.row(demand.provenance().sourceId(), values);
        }
    }
}
