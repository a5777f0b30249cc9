package org.kechuang.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk import over HTTP: upload a file, follow its batch, download the templates. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Bulk import", description = "批量导入：CSV（UTF-8/GBK）、Excel .xlsx、JSON Lines")
class ImportApi {

    private final ImportService imports;
    private final ImportTargets targets;
    private final ImportStations stations;
    private final Problems problems;

    ImportApi(ImportService imports, ImportTargets targets, ImportStations stations, Problems problems) {
        this.imports = imports;
        this.targets = targets;
        this.stations = stations;
        this.problems = problems;
    }

    record Accepted(long id, String status, URI location) {}

    record RowErrorResource(int row, String sourceId, String field, String key, String message) {}

    record BatchResource(
            long id,
            String type,
            String station,
            String fileName,
            String format,
            String status,
            int total,
            int accepted,
            int rejected,
            int inserted,
            int updated,
            int unchanged,
            int percent,
            String failureKey,
            String failureReason,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            int errorCount,
            List<RowErrorResource> errors) {}

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload a file to import",
            description = "Reads and stages the whole file, then answers 202 with the batch id; the rows are applied"
                    + " in the background. A file that cannot be read at all is refused with 400.")
    @ApiResponse(responseCode = "202", description = "staged; follow GET /api/v1/imports/{id}")
    @ApiResponse(
            responseCode = "400",
            description = "unreadable file, unusable header, unknown type or station",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Accepted> submit(
            @Parameter(description = "organization, demand, achievement, expert or case") @RequestParam String type,
            @Parameter(description = "station code; a station admin of one station may leave it out")
                    @RequestParam(required = false)
                    String station,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal CurrentUser user)
            throws IOException {
        imports.stationFor(user, station);
        if (file == null) {
            throw DomainException.invalid("file", "required", "file");
        }
        Path upload = Files.createTempFile("kechuang-import-", ".upload");
        try {
            file.transferTo(upload);
            long id = imports.submit(user, type, station, file.getOriginalFilename(), upload);
            URI location = URI.create("/api/v1/imports/" + id);
            return ResponseEntity.accepted()
                    .location(location)
                    .body(new Accepted(id, imports.batch(id).status().name().toLowerCase(Locale.ROOT), location));
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "A batch: status, figures and the refused rows with their reasons in the caller's language")
    BatchResource get(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int errorsFrom,
            @RequestParam(defaultValue = "100") int errorsLimit,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        ImportBatch batch = imports.batch(id, user);
        return resource(batch, errorsFrom, errorsLimit, locale);
    }

    BatchResource resource(ImportBatch batch, int errorsFrom, int errorsLimit, Locale locale) {
        List<RowErrorResource> errors = imports.errors(batch.id(), errorsFrom, errorsLimit).stream()
                .map(e -> new RowErrorResource(
                        e.row(),
                        e.sourceId(),
                        e.field(),
                        e.key(),
                        problems.message(e.key(), e.args().toArray(), locale)))
                .toList();
        return new BatchResource(
                batch.id(),
                batch.type(),
                stations.find(batch.stationId())
                        .map(ImportStations.ImportStation::code)
                        .orElse(null),
                batch.fileName(),
                batch.format().name().toLowerCase(Locale.ROOT),
                batch.status().name().toLowerCase(Locale.ROOT),
                batch.total(),
                batch.accepted(),
                batch.rejected(),
                batch.inserted(),
                batch.updated(),
                batch.unchanged(),
                batch.percent(),
                batch.failureReason(),
                batch.failureReason() == null ? null : problems.message(batch.failureReason(), new Object[0], locale),
                batch.createdAt(),
                batch.startedAt(),
                batch.finishedAt(),
                imports.errorCount(batch.id()),
                errors);
    }

    @GetMapping("/templates/{type}.csv")
    @Operation(summary = "The CSV template of a type: Chinese headers and an instructions row, UTF-8 with BOM")
    ResponseEntity<byte[]> csvTemplate(@PathVariable String type) {
        return template(type, ImportFiles.Format.CSV);
    }

    @GetMapping("/templates/{type}.xlsx")
    @Operation(summary = "The Excel template of a type: Chinese headers, instructions on a second sheet")
    ResponseEntity<byte[]> xlsxTemplate(@PathVariable String type) {
        return template(type, ImportFiles.Format.XLSX);
    }

    private ResponseEntity<byte[]> template(String type, ImportFiles.Format format) {
        ImportTarget target = targets.find(type)
                .orElseThrow(() -> DomainException.notFound("imports.type.unknown", String.join(", ", types())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportFiles.template(format, target, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("kechuang-" + target.type() + "-template." + format.extension())
                                .build()
                                .toString())
                .body(out.toByteArray());
    }

    private List<String> types() {
        return targets.all().stream().map(ImportTarget::type).toList();
    }
}
