package org.kechuang.achievement;

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
 * A station's achievements (all but archived ones) as a file in the import template's columns, so that the file
 * imports again as it is: same source ids, same values. Records entered through forms have no source id; their rows
 * leave it blank and would be refused by an import.
 */
@RestController
class AchievementExport {

    private static final int PAGE = 1000;

    private final Rows rows;
    private final AchievementImportTarget target;
    private final Stations stations;

    AchievementExport(Rows rows, AchievementImportTarget target, Stations stations) {
        this.rows = rows;
        this.target = target;
        this.stations = stations;
    }

    @GetMapping("/api/v1/achievements/export")
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
            throw DomainException.forbidden("achievement.export.forbidden");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("achievements-" + found.code() + "." + file.extension())
                                .build()
                                .toString())
                .body(out -> ImportFiles.write(file, target, sink -> rows.each(found.id(), sink), out));
    }

    /** The station's achievements as import rows, page by page. */
    @Service
    static class Rows {

        private final AchievementRepository achievements;

        Rows(AchievementRepository achievements) {
            this.achievements = achievements;
        }

        @Transactional(readOnly = true)
        void each(long stationId, Consumer<ImportRow> sink) {
            long after = 0;
            while (true) {
                List<Achievement> page = achievements.ofStation(stationId, after, PAGE);
                page.forEach(achievement -> sink.accept(row(achievement)));
                if (page.size() < PAGE) {
                    return;
                }
                after = page.getLast().id();
            }
        }

        static ImportRow row(Achievement achievement) {
            AchievementContent c = achievement.content();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("title", c.title());
            values.put("description", c.description());
            values.put("keywords", c.keywords());
            values.put("technologyField", c.technologyField());
            values.put("disciplineCode", c.disciplineCode());
            values.put("industryCode", c.industryCode());
            values.put("chainNodeCode", c.chainNodeCode());
            values.put("trl", c.trl() == null ? null : Integer.toString(c.trl().level()));
            values.put(
                    "patents", c.patents().stream().map(PatentNumber::canonical).toList());
            values.put(
                    "transferModes",
                    c.transferModes().stream()
                            .sorted()
                            .map(mode -> mode.chineseName())
                            .toList());
            values.put("priceMin", c.priceMin() == null ? null : c.priceMin().toPlainString());
            values.put("priceMax", c.priceMax() == null ? null : c.priceMax().toPlainString());
            values.put(
                    "organizationId",
                    c.organizationId() == null ? null : c.organizationId().toString());
            values.put(
                    "inventors",
                    c.inventors().stream()
                            .map(i -> i.expertId() == null ? i.name() : i.name() + "#" + i.expertId())
                            .toList());
            values.put("regionCode", c.regionCode());
            return ImportFiles.row(achievement.provenance().sourceId(), values);
        }
    }
}
