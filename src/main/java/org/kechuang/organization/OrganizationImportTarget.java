package org.kechuang.organization;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kechuang.imports.ImportColumn;
import org.kechuang.imports.ImportFieldError;
import org.kechuang.imports.ImportRow;
import org.kechuang.imports.ImportTarget;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.springframework.stereotype.Component;

/**
 * Organizations in the bulk import pipeline, with the rules of the profile form and of this module's own CSV import: a
 * checked credit code, a known type and region, names and credit codes unique on the platform. A row is the station's
 * organization with the same source id; else the station's organization with the same credit code, else with the same
 * name, which then learns the source id. An organization of another station (or of none) cannot be changed by an
 * import. Blank cells keep the stored values.
 */
@Component
class OrganizationImportTarget implements ImportTarget {

    static final String TYPE = "organization";

    private final OrganizationRepository organizations;
    private final OrganizationCatalog catalog;
    private final ProfileRules rules;
    private final Clock clock;

    OrganizationImportTarget(OrganizationRepository organizations, OrganizationCatalog catalog, ProfileRules rules) {
        this.organizations = organizations;
        this.catalog = catalog;
        this.rules = rules;
        this.clock = Clock.systemUTC();
    }

    /** The source system of a station's imported organizations: source ids are unique per station. */
    static String sourceSystem(long stationId) {
        return "station-" + stationId;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> sourceIdAliases() {
        return List.of("编号", "代码", "code");
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(
                ImportColumn.required("name", "机构名称", "Name", "最多 200 字；在平台上唯一")
                        .withAliases("名称", "单位名称", "organization"),
                ImportColumn.required(
                                "type",
                                "机构类型",
                                "Type",
                                "企业、高校、科研院所、全国学会、地方科协、园区、金融机构、服务机构、智库、评估机构、团体标准组织、国际组织，或其代码如 ENTERPRISE")
                        .withAliases("类型"),
                ImportColumn.optional("sme", "是否中小企业", "SME", "是 或 否；仅企业可填“是”").withAliases("中小企业"),
                ImportColumn.optional("creditCode", "统一社会信用代码", "Credit code", "18 位，校验位须正确")
                        .withAliases("信用代码", "uscc")
                        .asCode(),
                ImportColumn.optional("regionCode", "地区代码", "Region code", "GB/T 2260 六位行政区划代码")
                        .withAliases("行政区划代码")
                        .asCode(),
                ImportColumn.optional("website", "网站", "Website", "如 www.example.cn")
                        .withAliases("网址", "url"),
                ImportColumn.optional("description", "机构简介", "Description", "最多 5000 字")
                        .withAliases("简介"),
                ImportColumn.optional("contactEmail", "联系邮箱", "Contact e-mail", "")
                        .withAliases("邮箱", "email")
                        .asCode(),
                ImportColumn.optional("contactPhone", "联系电话", "Contact phone", "")
                        .withAliases("电话", "phone")
                        .asCode(),
                ImportColumn.optional("disciplineGroup", "学科组", "Discipline group", "全国学会填写：理科、工科、农科、医科或交叉学科")
                        .withAliases("group"));
    }

    @Override
    public List<ImportFieldError> validate(ImportRow row) {
        List<ImportFieldError> errors = new ArrayList<>();
        Boolean sme = sme(row.text("sme"), errors);
        rules.check(draft(row, sme, null)).violations().forEach(v -> errors.add(error(v)));
        return errors;
    }

    @Override
    public Outcome apply(long stationId, ImportRow row, long batchId) {
        String sourceSystem = sourceSystem(stationId);
        Optional<Organization> existing = match(stationId, sourceSystem, row);
        if (existing.isPresent() && !existing.get().ownedBy(stationId)) {
            throw DomainException.conflict(
                    "name",
                    "organization.import.outside-station",
                    existing.get().profile().name());
        }
        List<ImportFieldError> errors = new ArrayList<>();
        Boolean sme = sme(row.text("sme"), errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid("sme", "organization.import.sme.unknown");
        }
        ProfileRules.Checked checked = rules.check(
                draft(row, sme, existing.map(o -> o.profile().asDraft()).orElse(null)));
        if (!checked.valid()) {
            throw new OrganizationRejected(checked.violations());
        }
        OrganizationProfile profile = checked.profile();
        catalog.ensureUnique(profile, existing.map(Organization::id).orElse(null));
        Provenance provenance = new Provenance(sourceSystem, row.sourceId(), null, batchId);
        if (existing.isEmpty()) {
            organizations.insert(Organization.register(profile, stationId, provenance, clock.instant()));
            return Outcome.INSERTED;
        }
        Organization organization = existing.get();
        if (organization.absorb(profile, provenance, clock.instant())) {
            organizations.update(organization);
            return Outcome.UPDATED;
        }
        return Outcome.UNCHANGED;
    }

    /** The station's organization this row speaks of: same source id, else same credit code, else same name. */
    private Optional<Organization> match(long stationId, String sourceSystem, ImportRow row) {
        Optional<Organization> bySource = organizations.findBySource(sourceSystem, row.sourceId());
        if (bySource.isPresent()) {
            return bySource;
        }
        String code = row.text("creditCode");
        if (code != null) {
            try {
                Optional<Organization> byCode = organizations.findByCreditCode(CreditCode.of(code));
                if (byCode.isPresent()) {
                    return byCode;
                }
            } catch (DomainException invalidCode) {
                // validate has reported it
            }
        }
        String name = row.text("name");
        return name == null ? Optional.empty() : organizations.findByNameKey(Text.key(name));
    }

    /** The row's values over the stored ones: a blank cell states nothing. */
    private static OrganizationDraft draft(ImportRow row, Boolean sme, OrganizationDraft stored) {
        OrganizationDraft base = stored != null
                ? stored
                : new OrganizationDraft(null, null, null, null, null, null, null, null, null, null);
        return new OrganizationDraft(
                stated(row, "name", base.name()),
                stated(row, "type", base.type()),
                sme != null ? sme : base.sme(),
                stated(row, "creditCode", base.creditCode()),
                stated(row, "regionCode", base.regionCode()),
                stated(row, "website", base.website()),
                stated(row, "description", base.description()),
                stated(row, "contactEmail", base.contactEmail()),
                stated(row, "contactPhone", base.contactPhone()),
                stated(row, "disciplineGroup", base.disciplineGroup()));
    }

    private static String stated(ImportRow row, String field, String stored) {
        String value = row.text(field);
        return value != null ? value : stored;
    }

    private static Boolean sme(String value, List<ImportFieldError> errors) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "是", "y", "yes", "true", "1", "√" -> true;
            case "否", "n", "no", "false", "0", "×" -> false;
            default -> {
                errors.add(ImportFieldError.of("sme", "organization.import.sme.unknown"));
                yield null;
            }
        };
    }

    private static ImportFieldError error(Violation violation) {
        return new ImportFieldError(violation.field(), violation.key(), violation.args());
    }
}
