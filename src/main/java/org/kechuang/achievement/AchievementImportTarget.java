package org.kechuang.achievement;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kechuang.imports.ImportColumn;
import org.kechuang.imports.ImportFieldError;
import org.kechuang.imports.ImportRow;
import org.kechuang.imports.ImportTarget;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.kechuang.shared.Provenance;
import org.springframework.stereotype.Component;

/**
 * Achievements in the bulk import: the template's columns and the row checks, which are the form's rules. Title and
 * description (abstract) are required, everything else may be filled later, so a JSON Lines file of {@code title},
 * {@code description}, {@code keywords} and {@code sourceId} loads as it is.
 */
@Component
class AchievementImportTarget implements ImportTarget {

    static final String SOURCE_SYSTEM = "import";
    private static final Pattern LINKED_INVENTOR = Pattern.compile("(.+?)\\s*#\\s*(\\d{1,15})");

    private final AchievementRules rules;
    private final AchievementCatalog catalog;

    AchievementImportTarget(AchievementRules rules, AchievementCatalog catalog) {
        this.rules = rules;
        this.catalog = catalog;
    }

    @Override
    public String type() {
        return AchievementCatalog.RECORD_TYPE;
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(
                ImportColumn.required("title", "成果名称", "Title", "最多 200 字").withAliases("标题", "名称"),
                ImportColumn.required("description", "成果摘要", "Description", "最多 10000 字")
                        .withAliases("摘要", "abstract", "成果简介"),
                ImportColumn.optional("keywords", "关键词", "Keywords", "可填多个，用分号分隔，最多 20 个")
                        .asList(),
                ImportColumn.optional("technologyField", "技术领域", "Technology field", "最多 100 字"),
                ImportColumn.optional("disciplineCode", "学科代码", "Discipline code", "国家自然科学基金申请代码，如 E05")
                        .asCode(),
                ImportColumn.optional("industryCode", "行业代码", "Industry code", "GB/T 4754-2017 行业代码")
                        .asCode(),
                ImportColumn.optional("chainNodeCode", "产业链节点代码", "Chain node code", "如 IC-UP-EDA")
                        .asCode(),
                ImportColumn.optional("trl", "技术成熟度", "TRL", "1 到 9")
                        .withAliases("成熟度")
                        .asCode(),
                ImportColumn.optional("patents", "专利号", "Patents", "可填多个，如 ZL 2019 1 0123456.X、CN114123456A；校验位须正确")
                        .asList(),
                ImportColumn.optional("transferModes", "转化方式", "Transfer modes", "技术转让、许可、合作开发、技术咨询、技术服务、作价投资，可填多项")
                        .asList(),
                ImportColumn.optional("priceMin", "价格下限（万元）", "Price from", "数字，单位万元")
                        .withAliases("价格下限")
                        .asCode(),
                ImportColumn.optional("priceMax", "价格上限（万元）", "Price up to", "数字，单位万元，不低于下限")
                        .withAliases("价格上限")
                        .asCode(),
                ImportColumn.optional("organizationId", "成果单位编号", "Organization number", "平台上机构的编号")
                        .asCode(),
                ImportColumn.optional("inventors", "完成人", "Inventors", "可填多人；已在专家库中的可写“姓名#专家编号”")
                        .asList(),
                ImportColumn.optional("regionCode", "地区代码", "Region code", "GB/T 2260 六位行政区划代码")
                        .asCode());
    }

    @Override
    public List<ImportFieldError> validate(ImportRow row) {
        return check(row).errors();
    }

    /** The form's rules over the row; a valid row keeps its checked content, which the bulk path stores as it is. */
    @Override
    public Checked check(ImportRow row) {
        List<ImportFieldError> errors = new ArrayList<>();
        try {
            AchievementDraft draft = draft(row);
            return new Checked(
                    row, List.of(), new AchievementCatalog.ImportedRow(row.sourceId(), draft, rules.validate(draft)));
        } catch (AchievementRejected rejected) {
            rejected.violations().forEach(v -> errors.add(new ImportFieldError(v.field(), v.key(), v.args())));
        } catch (DomainException refused) {
            errors.add(ImportFieldError.of(refused));
        }
        return new Checked(row, errors, null);
    }

    @Override
    public List<Outcome> applyChecked(long stationId, List<Checked> rows, long batchId) {
        List<AchievementCatalog.ImportedRow> imported = new ArrayList<>(rows.size());
        for (Checked row : rows) {
            imported.add(
                    row.value() instanceof AchievementCatalog.ImportedRow checked
                            ? checked
                            : new AchievementCatalog.ImportedRow(row.row().sourceId(), draft(row.row()), null));
        }
        return catalog.upsertAllFromImport(stationId, imported, batchId).stream()
                .map(change -> Outcome.valueOf(change.name()))
                .toList();
    }

    @Override
    public Outcome apply(long stationId, ImportRow row, long batchId) {
        Achievements.Upserted upserted =
                catalog.upsertFromImport(draft(row), new Provenance(stationId, SOURCE_SYSTEM, row.sourceId(), batchId));
        return Outcome.valueOf(upserted.change().name());
    }

    /** A chunk at once: new rows are inserted in bulk, rows seen before are updated one by one. */
    @Override
    public List<Outcome> applyAll(long stationId, List<ImportRow> rows, long batchId) {
        return catalog
                .upsertAllFromImport(
                        stationId,
                        rows.stream()
                                .map(row -> new AchievementCatalog.ImportedRow(row.sourceId(), draft(row), null))
                                .toList(),
                        batchId)
                .stream()
                .map(change -> Outcome.valueOf(change.name()))
                .toList();
    }

    static AchievementDraft draft(ImportRow row) {
        List<Inventor> inventors = new ArrayList<>();
        for (String item : row.list("inventors")) {
            Matcher linked = LINKED_INVENTOR.matcher(Text.clean(item));
            inventors.add(
                    linked.matches()
                            ? new Inventor(linked.group(1).strip(), Long.valueOf(linked.group(2)))
                            : new Inventor(item, null));
        }
        return new AchievementDraft(
                row.text("title"),
                row.text("description"),
                row.list("keywords"),
                row.text("technologyField"),
                row.text("disciplineCode"),
                row.text("industryCode"),
                row.text("chainNodeCode"),
                row.text("trl"),
                row.list("patents"),
                row.list("transferModes"),
                row.text("priceMin"),
                row.text("priceMax"),
                number(row.text("organizationId")),
                inventors,
                row.text("regionCode"),
                null,
                null);
    }

    private static Long number(String typed) {
        String value = Text.cleanOrNull(typed);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException notANumber) {
            throw new AchievementRejected(List.of(
                    Violation.of("organizationId", "achievement.organization.unknown", AchievementRules.echo(value))));
        }
    }
}
