package org.kechuang.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The import page of station admins and operators: choose a type and a file, upload, watch the batch's progress bar
 * (htmx polls a fragment until the batch is done) and read each refused row's reason in one's language.
 */
@Controller
@PreAuthorize("hasAnyRole('STATION_ADMIN', 'OPERATOR')")
class ImportPages {

    private static final int RECENT = 20;
    private static final int ERRORS_SHOWN = 500;
    private static final DateTimeFormatter SHOWN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final ImportService imports;
    private final ImportTargets targets;
    private final ImportStations stations;
    private final Problems problems;
    private final MessageSource messages;

    ImportPages(
            ImportService imports,
            ImportTargets targets,
            ImportStations stations,
            Problems problems,
            MessageSource messages) {
        this.imports = imports;
        this.targets = targets;
        this.stations = stations;
        this.problems = problems;
        this.messages = messages;
    }

    /** A row error as the page shows it: the column under its name in the reader's language. */
    record ShownError(int row, String sourceId, String column, String message) {}

    /** A batch in the list of recent ones. */
    record ShownBatch(ImportBatch batch, String station, String typeLabel, String createdAt) {}

    @GetMapping("/imports")
    String page(@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        form(user, model, locale, null, null);
        return "imports/page";
    }

    @PostMapping("/imports")
    String upload(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String station,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw ImportRefused.of("imports.file.empty");
            }
            Path upload = Files.createTempFile("kechuang-import-", ".upload");
            try {
                file.transferTo(upload);
                long id = imports.submit(user, type, station, file.getOriginalFilename(), upload);
                return "redirect:/imports/" + id;
            } finally {
                Files.deleteIfExists(upload);
            }
        } catch (DomainException refused) {
            response.setStatus(refused.status().value());
            model.addAttribute("error", problems.message(refused.key(), refused.args(), locale));
            if (refused instanceof ImportRefused unreadable
                    && !unreadable.errors().isEmpty()) {
                model.addAttribute(
                        "headerErrors",
                        unreadable.errors().stream()
                                .map(e -> new ShownError(
                                        e.row(),
                                        null,
                                        e.error().field(),
                                        problems.message(
                                                e.error().key(),
                                                e.error().args().toArray(),
                                                locale)))
                                .toList());
            }
            form(user, model, locale, type, station);
            return "imports/page";
        }
    }

    @GetMapping("/imports/{id}")
    String batch(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        progress(imports.batch(id, user), model, locale);
        return "imports/batch";
    }

    @GetMapping("/imports/{id}/progress")
    String progressFragment(
            @PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        progress(imports.batch(id, user), model, locale);
        return "imports/batch :: progress";
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView refused(DomainException refused, HttpServletResponse response) {
        response.setStatus(refused.status().value());
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", refused.status().value());
        page.addObject("error", refused.status().getReasonPhrase());
        page.setStatus(refused.status());
        return page;
    }

    private void form(CurrentUser user, Model model, Locale locale, String type, String station) {
        Map<Long, String> stationNames = stations.all().stream()
                .collect(Collectors.toMap(ImportStations.ImportStation::id, ImportStations.ImportStation::name));
        model.addAttribute("types", targets.all());
        model.addAttribute("stations", imports.stationsFor(user));
        model.addAttribute("selectedType", type);
        model.addAttribute("selectedStation", station);
        model.addAttribute(
                "recent",
                imports.recent(user, RECENT).stream()
                        .map(b -> new ShownBatch(
                                b,
                                stationNames.getOrDefault(b.stationId(), ""),
                                typeLabel(b.type(), locale),
                                SHOWN_TIME.format(b.createdAt())))
                        .toList());
    }

    private void progress(ImportBatch batch, Model model, Locale locale) {
        model.addAttribute("batch", batch);
        model.addAttribute("typeLabel", typeLabel(batch.type(), locale));
        model.addAttribute(
                "station",
                stations.find(batch.stationId())
                        .map(ImportStations.ImportStation::name)
                        .orElse(""));
        model.addAttribute("createdAt", SHOWN_TIME.format(batch.createdAt()));
        if (batch.failureReason() != null) {
            model.addAttribute("failure", problems.message(batch.failureReason(), new Object[0], locale));
        }
        if (batch.status().finished()) {
            ImportColumns columns =
                    targets.find(batch.type()).map(ImportColumns::new).orElse(null);
            boolean english = "en".equals(locale.getLanguage());
            List<ShownError> errors = imports.errors(batch.id(), 0, ERRORS_SHOWN).stream()
                    .map(e -> new ShownError(
                            e.row(),
                            e.sourceId(),
                            column(columns, e.field(), english),
                            problems.message(e.key(), e.args().toArray(), locale)))
                    .toList();
            model.addAttribute("errors", errors);
            model.addAttribute("errorCount", imports.errorCount(batch.id()));
        }
    }

    private static String column(ImportColumns columns, String field, boolean english) {
        if (field == null) {
            return "";
        }
        if (columns == null) {
            return field;
        }
        return columns.forField(field)
                .map(c -> english ? c.englishHeader() : c.header())
                .orElse(field);
    }

    private String typeLabel(String type, Locale locale) {
        String key = targets.find(type).map(ImportTarget::labelKey).orElse("imports.type." + type);
        return messages.getMessage(key, null, type, locale);
    }
}
