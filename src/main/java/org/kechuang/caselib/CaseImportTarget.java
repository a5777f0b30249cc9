package org.kechuang.caselib;

import java.util.ArrayList;
import java.util.List;
import org.kechuang.imports.ImportColumn;
import org.kechuang.imports.ImportFieldError;
import org.kechuang.imports.ImportRow;
import org.kechuang.imports.ImportTarget;
import org.kechuang.platform.web.DomainException;
import org.kechuang.shared.Provenance;
import org.springframework.stereotype.Component;

/**
 * Cases in the bulk import: the template's columns and the row checks, which are the form's rules. Title, problem and
 * solution are required. The measured results come in one cell, e.g. {@code 年节约成本=320万元;良品率提升=4.5个百分点};
 * each party column lists names or {@code #organization numbers}.
 */
@Component
class CaseImportTarget implements ImportTarget {

    static final String SOURCE_SYSTEM = "import";

    private final CaseRules rules;
    private final CaseCatalog catalog;

    CaseImportTarget(CaseRules rules, CaseCatalog catalog) {
        this.rules = rules;
        this.catalog = catalog;
    }

    @Override
    public String type() {
        return CaseCatalog.RECORD_TYPE;
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(
                ImportColumn.required("title", "案例名称", "Title", "最多 200 字").withAliases("标题", "名称"),
                ImportColumn.required("problem", "问题", "Problem", "企业面临的问题，最多 10000 字")
                        .withAliases("需求问题", "问题描述"),
                ImportColumn.required("solution", "解决方案", "Solution", "最多 10000 字")
                        .withAliases("方案"),
                ImportColumn.optional("demandSide", "需求方", "Demand side", "机构名称或“#机构编号”，可填多个")
                        .asList(),
                ImportColumn.optional("supplySide", "供给方", "Supply side", "机构名称或“#机构编号”，可填多个")
                        .asList(),
                ImportColumn.optional("broker", "服务方", "Broker", "技术经理人所在机构、服务机构等，可填多个")
                        .withAliases("中介方")
                        .asList(),
                ImportColumn.optional(
                                "figures",
                                "成效数据",
                                "Figures",
                                "“名称=数值单位”，多项用分号分隔，如 年节约成本=320万元;良品率提升=4.5个百分点；以“元”计的为经济指标，其余为技术指标，也可写“技术:”或“经济:”前缀")
                        .withAliases("应用成效", "成效"),
                ImportColumn.optional("keywords", "关键词", "Keywords", "可填多个，用分号分隔，最多 20 个")
                        .asList(),
                ImportColumn.optional("industryCode", "行业代码", "Industry code", "GB/T 4754-2017 行业代码")
                        .asCode(),
                ImportColumn.optional("chainNodeCode", "产业链节点代码", "Chain node code", "如 IC-UP-EDA")
                        .asCode(),
                ImportColumn.optional("regionCode", "地区代码", "Region code", "GB/T 2260 六位行政区划代码")
                        .withAliases("地区")
                        .asCode(),
                ImportColumn.optional("demandId", "需求编号", "Demand number", "平台上技术需求的编号")
                        .asCode(),
                ImportColumn.optional("achievementId", "成果编号", "Achievement number", "平台上科技成果的编号")
                        .asCode(),
                ImportColumn.optional("expertIds", "专家编号", "Expert numbers", "平台上专家的编号，可填多个")
                        .asList());
    }

    @Override
    public List<ImportFieldError> validate(ImportRow row) {
        List<ImportFieldError> errors = new ArrayList<>();
        try {
            rules.validate(draft(row));
        } catch (CaseRejected rejected) {
            rejected.violations().forEach(v -> errors.add(new ImportFieldError(v.field(), v.key(), v.args())));
        } catch (DomainException refused) {
            errors.add(ImportFieldError.of(refused));
        }
        return errors;
    }

    @Override
    public Outcome apply(long stationId, ImportRow row, long batchId) {
        Cases.Upserted upserted =
                catalog.upsertFromImport(draft(row), new Provenance(stationId, SOURCE_SYSTEM, row.sourceId(), batchId));
        return Outcome.valueOf(upserted.change().name());
    }

    /** The row as a draft; record numbers that are not numbers are refused with the row's other errors. */
    static CaseDraft draft(ImportRow row) {
        List<Violation> violations = new ArrayList<>();
        List<CaseDraft.PartyDraft> parties = new ArrayList<>();
        parties.addAll(CaseRules.partyItems(PartyRole.DEMAND_SIDE, row.list("demandSide")));
        parties.addAll(CaseRules.partyItems(PartyRole.SUPPLY_SIDE, row.list("supplySide")));
        parties.addAll(CaseRules.partyItems(PartyRole.BROKER, row.list("broker")));
        List<Long> demand = CaseRules.numbers(violations, "demandId", row.list("demandId"), "case.demand.unknown");
        List<Long> achievement =
                CaseRules.numbers(violations, "achievementId", row.list("achievementId"), "case.achievement.unknown");
        List<Long> experts = CaseRules.numbers(violations, "expertIds", row.list("expertIds"), "case.expert.unknown");
        Long demandLink = CaseRules.single(violations, "demandId", demand);
        Long achievementLink = CaseRules.single(violations, "achievementId", achievement);
        if (!violations.isEmpty()) {
            throw new CaseRejected(violations);
        }
        return new CaseDraft(
                row.text("title"),
                row.text("problem"),
                row.text("solution"),
                parties,
                CaseRules.figureItems(row.text("figures")),
                row.list("keywords"),
                row.text("industryCode"),
                row.text("chainNodeCode"),
                row.text("regionCode"),
                demandLink,
                achievementLink,
                experts,
                null,
                null);
    }
}
