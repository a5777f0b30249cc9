package org.kechuang.demand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kechuang.imports.ImportColumn;
import org.kechuang.imports.ImportFieldError;
import org.kechuang.imports.ImportRow;
import org.kechuang.imports.ImportTarget;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.kechuang.shared.Provenance;
import org.springframework.stereotype.Component;

/**
 * Demands in the bulk import: the template's columns and the row checks, which are the form's rules (and its refusal
 * of a deadline already past, since an imported demand is submitted at once).
 */
@Component
class DemandImportTarget implements ImportTarget {

    static final String SOURCE_SYSTEM = "import";

    private final DemandRules rules;
    private final DemandCatalog catalog;

    DemandImportTarget(DemandRules rules, DemandCatalog catalog) {
        this.rules = rules;
        this.catalog = catalog;
    }

    @Override
    public String type() {
        return DemandCatalog.RECORD_TYPE;
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(
                ImportColumn.required("title", "需求名称", "Title", "需求的标题，最多 200 字")
                        .withAliases("需求标题", "标题"),
                ImportColumn.required("background", "需求背景", "Background", "需求的由来与现状，最多 5000 字"),
                ImportColumn.optional("technicalProblems", "需解决的主要技术难题", "Technical problems", "最多 5000 字")
                        .withAliases("技术难题"),
                ImportColumn.optional(
                                "targetIndicators",
                                "期望实现的技术指标",
                                "Target indicators",
                                "每行一项；可量化的写成“名称 比较符 数值 单位”，如：定位精度 <= 5 μm")
                        .withAliases("技术指标"),
                ImportColumn.optional("industryCode", "行业代码", "Industry code", "GB/T 4754-2017 行业代码，如 C、39、3973")
                        .asCode(),
                ImportColumn.optional("chainNodeCode", "产业链节点代码", "Chain node code", "如 IC-UP-EDA")
                        .asCode(),
                ImportColumn.optional("applicationScenario", "应用场景", "Application scenario", "最多 1000 字"),
                ImportColumn.optional("regionCode", "地区代码", "Region code", "GB/T 2260 六位行政区划代码")
                        .asCode(),
                ImportColumn.optional(
                                "cooperationModes",
                                "合作方式",
                                "Cooperation modes",
                                "技术转让、许可、合作开发、委托开发、技术咨询、技术服务、作价投资、人才引进、揭榜挂帅，可填多项")
                        .asList(),
                ImportColumn.optional("budgetMin", "预算下限（万元）", "Budget from", "数字，单位万元")
                        .withAliases("预算下限")
                        .asCode(),
                ImportColumn.optional("budgetMax", "预算上限（万元）", "Budget up to", "数字，单位万元，不低于下限")
                        .withAliases("预算上限")
                        .asCode(),
                ImportColumn.optional("deadline", "截止日期", "Deadline", "年-月-日，不早于导入当天")
                        .asCode(),
                ImportColumn.optional("confidential", "是否保密", "Confidential", "是 或 否")
                        .asCode(),
                ImportColumn.optional("contactPerson", "联系人", "Contact person", "登录用户可见"),
                ImportColumn.optional("contactPhone", "联系电话", "Contact phone", "登录用户可见")
                        .asCode(),
                ImportColumn.optional("contactEmail", "联系邮箱", "Contact e-mail", "登录用户可见")
                        .asCode(),
                ImportColumn.optional("organizationId", "需求单位编号", "Organization number", "平台上机构的编号")
                        .asCode());
    }

    @Override
    public List<ImportFieldError> validate(ImportRow row) {
        List<ImportFieldError> errors = new ArrayList<>();
        try {
            DemandContent content = rules.validate(draft(row));
            DemandRules.requireOpenDeadline(content, catalog.today());
        } catch (DemandRejected rejected) {
            rejected.violations().forEach(v -> errors.add(new ImportFieldError(v.field(), v.key(), v.args())));
        } catch (DomainException refused) {
            errors.add(ImportFieldError.of(refused));
        }
        return errors;
    }

    @Override
    public Outcome apply(long stationId, ImportRow row, long batchId) {
        Demands.Upserted upserted =
                catalog.upsertFromImport(draft(row), new Provenance(stationId, SOURCE_SYSTEM, row.sourceId(), batchId));
        return Outcome.valueOf(upserted.change().name());
    }

    /** The row as a draft; values that cannot even be read (a yes/no that is neither) are refused as the form does. */
    static DemandDraft draft(ImportRow row) {
        return new DemandDraft(
                row.text("title"),
                row.text("background"),
                row.text("technicalProblems"),
                DemandRules.parseLines(row.text("targetIndicators")),
                row.text("industryCode"),
                row.text("chainNodeCode"),
                row.text("applicationScenario"),
                row.text("regionCode"),
                row.list("cooperationModes"),
                row.text("budgetMin"),
                row.text("budgetMax"),
                row.text("deadline"),
                yesOrNo(row.text("confidential")),
                row.text("contactPerson"),
                row.text("contactPhone"),
                row.text("contactEmail"),
                number(row.text("organizationId")),
                null,
                null);
    }

    private static Boolean yesOrNo(String typed) {
        String value = Text.cleanOrNull(typed);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "是", "true", "1", "yes", "y", "保密" -> true;
            case "否", "false", "0", "no", "n", "公开" -> false;
            default ->
                throw new DemandRejected(List.of(
                        Violation.of("confidential", "demand.confidential.invalid", DemandCatalog.echo(value))));
        };
    }

    private static Long number(String typed) {
        String value = Text.cleanOrNull(typed);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException notANumber) {
            throw new DemandRejected(
                    List.of(Violation.of("organizationId", "demand.organization.unknown", DemandCatalog.echo(value))));
        }
    }
}
