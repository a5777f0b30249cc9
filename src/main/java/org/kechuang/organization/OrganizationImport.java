package org.kechuang.organization;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports organizations from a CSV file, all or nothing: every row is checked first (profile rules, duplicates within
 * the file and against the platform, the station's scope) and the file is refused with every bad row when any is bad.
 * Importing the same file again changes nothing: a row is the organization with the same source identity, else the
 * same credit code, else the same name; only the values a row states are taken over.
 */
@Service
class OrganizationImport {

    static final int SOURCE_MAX = 100;

    private final OrganizationRepository organizations;
    private final OrganizationCatalog catalog;
    private final ProfileRules rules;
    private final Clock clock;

    OrganizationImport(OrganizationRepository organizations, OrganizationCatalog catalog, ProfileRules rules) {
        this.organizations = organizations;
        this.catalog = catalog;
        this.rules = rules;
        this.clock = Clock.systemUTC();
    }

    /**
     * @param type the type of every row of a file without a type column (a type column wins where it is filled)
     * @param stationId the station the new organizations will belong to; optional for operators
     * @param source the source system the file's ids belong to; by default the file's name without extension
     */
    record Request(byte[] content, String fileName, String type, Long stationId, String source) {}

    record Result(int total, int inserted, int updated, int unchanged, UUID batch) {}

    @Transactional
    Result importCsv(Request request, CurrentUser user) {
        Optional<Station> station = catalog.owningStationFor(user, request.stationId());
        OrganizationType defaultType = defaultType(request.type());
        String sourceSystem = sourceSystem(request);
        String text = CsvText.decode(request.content()).text();
        List<List<String>> rows = parse(text);
        if (rows.isEmpty()) {
            throw ImportRejected.at(ImportHeader.ROW, "file", "organization.import.empty");
        }
        ImportHeader header = ImportHeader.read(rows.getFirst(), defaultType != null);
        UUID batch = UUID.randomUUID();
        Instant now = clock.instant();

        Plan plan = new Plan();
        for (int i = 1; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            if (cells.stream().allMatch(cell -> Text.cleanOrNull(cell) == null)) {
                continue;
            }
            plan.total++;
            planRow(i + 1, cells, header, defaultType, sourceSystem, batch, now, station, user, plan);
        }
        if (plan.total == 0) {
            throw ImportRejected.at(ImportHeader.ROW + 1, "file", "organization.import.empty");
        }
        if (!plan.errors.isEmpty()) {
            throw new ImportRejected(plan.errors);
        }
        plan.inserts.forEach(organizations::insert);
        plan.updates.forEach(organizations::update);
        return new Result(plan.total, plan.inserts.size(), plan.updates.size(), plan.unchanged, batch);
    }

    /** What the rows will do once every row has passed, and what is wrong with those that did not. */
    private static final class Plan {
        int total;
        int unchanged;
        final List<Organization> inserts = new ArrayList<>();
        final List<Organization> updates = new ArrayList<>();
        final List<ImportRejected.RowError> errors = new ArrayList<>();
        final Map<String, Integer> names = new HashMap<>();
        final Map<String, Integer> creditCodes = new HashMap<>();
        final Map<String, Integer> sourceIds = new HashMap<>();
        final Map<Long, Integer> matched = new HashMap<>();
    }

    private void planRow(
            int row,
            List<String> cells,
            ImportHeader header,
            OrganizationType defaultType,
            String sourceSystem,
            UUID batch,
            Instant now,
            Optional<Station> station,
            CurrentUser user,
            Plan plan) {
        List<ImportRejected.RowError> errors = new ArrayList<>();
        if (cells.size() > header.width()
                && cells.subList(header.width(), cells.size()).stream()
                        .anyMatch(cell -> Text.cleanOrNull(cell) != null)) {
            errors.add(new ImportRejected.RowError(
                    row, "file", "organization.import.extra-cells", List.of(header.width(), cells.size())));
        }
        List<Violation> sourceViolations = new ArrayList<>();
        String sourceId = ProfileRules.plainText(
                header.cell(cells, ImportColumn.SOURCE_ID), "sourceId", SOURCE_MAX, sourceViolations);
        sourceViolations.forEach(v -> errors.add(rowError(row, header, v)));
        Boolean sme = sme(header.cell(cells, ImportColumn.SME), row, header, errors);

        Optional<Organization> existing = match(sourceSystem, sourceId, header, cells);
        OrganizationDraft base = existing.map(o -> o.profile().asDraft())
                .orElse(new OrganizationDraft(null, null, null, null, null, null, null, null, null, null));
        String type = Text.cleanOrNull(header.cell(cells, ImportColumn.TYPE));
        OrganizationDraft draft = new OrganizationDraft(
                stated(header.cell(cells, ImportColumn.NAME), base.name()),
                type != null ? type : defaultType != null ? defaultType.name() : base.type(),
                sme != null ? sme : base.sme(),
                stated(header.cell(cells, ImportColumn.CREDIT_CODE), base.creditCode()),
                stated(header.cell(cells, ImportColumn.REGION), base.regionCode()),
                stated(header.cell(cells, ImportColumn.WEBSITE), base.website()),
                stated(header.cell(cells, ImportColumn.DESCRIPTION), base.description()),
                stated(header.cell(cells, ImportColumn.CONTACT_EMAIL), base.contactEmail()),
                stated(header.cell(cells, ImportColumn.CONTACT_PHONE), base.contactPhone()),
                stated(header.cell(cells, ImportColumn.DISCIPLINE_GROUP), base.disciplineGroup()));
        ProfileRules.Checked checked = rules.check(draft);
        checked.violations().forEach(v -> errors.add(rowError(row, header, v)));

        if (existing.isPresent() && !user.isOperator() && !catalog.mayEdit(user, existing.get())) {
            errors.add(rowError(
                    row,
                    header,
                    Violation.of(
                            "name",
                            "organization.import.outside-station",
                            existing.get().profile().name())));
        }
        if (checked.valid()) {
            OrganizationProfile profile = checked.profile();
            Long self = existing.map(Organization::id).orElse(null);
            repeated(plan.names, profile.nameKey(), row, header, "name", errors);
            if (profile.creditCode() != null) {
                repeated(plan.creditCodes, profile.creditCode().value(), row, header, CreditCode.FIELD, errors);
            }
            if (sourceId != null) {
                repeated(plan.sourceIds, sourceId, row, header, "sourceId", errors);
            }
            if (self != null) {
                repeated(plan.matched, self, row, header, "name", errors);
            }
            try {
                catalog.ensureUnique(profile, self);
            } catch (DomainException taken) {
                errors.add(rowError(row, header, Violation.of(taken)));
            }
            if (errors.isEmpty()) {
                Provenance provenance = new Provenance(sourceSystem, sourceId, batch);
                if (existing.isEmpty()) {
                    plan.inserts.add(Organization.register(
                            profile, station.map(Station::id).orElse(null), provenance, now));
                } else if (existing.get().absorb(profile, provenance, now)) {
                    plan.updates.add(existing.get());
                } else {
                    plan.unchanged++;
                }
            }
        }
        plan.errors.addAll(errors);
    }

    /** The organization this row speaks of: same source identity, else same credit code, else same name. */
    private Optional<Organization> match(
            String sourceSystem, String sourceId, ImportHeader header, List<String> cells) {
        if (sourceId != null) {
            Optional<Organization> bySource = organizations.findBySource(sourceSystem, sourceId);
            if (bySource.isPresent()) {
                return bySource;
            }
        }
        String code = header.cell(cells, ImportColumn.CREDIT_CODE);
        if (Text.cleanOrNull(code) != null) {
            try {
                Optional<Organization> byCode = organizations.findByCreditCode(CreditCode.of(code));
                if (byCode.isPresent()) {
                    return byCode;
                }
            } catch (DomainException invalidCode) {
                // the profile check reports it with the row
            }
        }
        String name = header.cell(cells, ImportColumn.NAME);
        if (name == null || name.length() > ProfileRules.NAME_MAX * 4 || Text.cleanOrNull(name) == null) {
            return Optional.empty();
        }
        return organizations.findByNameKey(Text.key(name));
    }

    private static <K> void repeated(
            Map<K, Integer> seen,
            K key,
            int row,
            ImportHeader header,
            String field,
            List<ImportRejected.RowError> errors) {
        Integer earlier = seen.putIfAbsent(key, row);
        if (earlier != null) {
            errors.add(rowError(row, header, Violation.of(field, "organization.import.repeated-row", earlier)));
        }
    }

    /** A blank cell states nothing: the value already on the platform stays. */
    private static String stated(String cell, String current) {
        return Text.cleanOrNull(cell) != null ? cell : current;
    }

    private static Boolean sme(String cell, int row, ImportHeader header, List<ImportRejected.RowError> errors) {
        String value = Text.cleanOrNull(cell);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "是", "y", "yes", "true", "1", "√" -> true;
            case "否", "n", "no", "false", "0", "×" -> false;
            default -> {
                errors.add(rowError(row, header, Violation.of("sme", "organization.import.sme.unknown")));
                yield null;
            }
        };
    }

    private static ImportRejected.RowError rowError(int row, ImportHeader header, Violation violation) {
        return new ImportRejected.RowError(row, header.nameOf(violation.field()), violation.key(), violation.args());
    }

    private static OrganizationType defaultType(String typed) {
        if (Text.cleanOrNull(typed) == null) {
            return null;
        }
        return OrganizationType.parse(typed)
                .orElseThrow(
                        () -> DomainException.invalid("type", "organization.type.unknown", ProfileRules.echo(typed)));
    }

    private static String sourceSystem(Request request) {
        String source = Text.cleanOrNull(request.source());
        if (source == null) {
            String fileName = Text.cleanOrNull(request.fileName());
            if (fileName != null) {
                fileName = fileName.replaceAll(".*[/\\\\]", "");
                int dot = fileName.lastIndexOf('.');
                source = Text.cleanOrNull(dot > 0 ? fileName.substring(0, dot) : fileName);
            }
        }
        if (source == null) {
            throw DomainException.invalid("source", "organization.import.source-required");
        }
        if (source.length() > SOURCE_MAX) {
            throw DomainException.invalid("source", "text.too-long", SOURCE_MAX);
        }
        if (Text.hasMarkup(source)) {
            throw DomainException.invalid("source", "text.markup");
        }
        return source;
    }

    private static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser =
                CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        } catch (UncheckedIOException | IllegalStateException | IOException malformed) {
            throw ImportRejected.at(rows.size() + 1, "file", "organization.import.malformed");
        }
        return rows;
    }
}
