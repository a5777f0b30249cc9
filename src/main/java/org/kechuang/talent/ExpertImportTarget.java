package org.kechuang.talent;

import java.util.ArrayList;
import java.util.List;
import org.kechuang.imports.ImportColumn;
import org.kechuang.imports.ImportFieldError;
import org.kechuang.imports.ImportRow;
import org.kechuang.imports.ImportTarget;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.kechuang.shared.Provenance;
import org.springframework.stereotype.Component;

/**
 * Experts in the bulk import: the template's columns and the row checks, which are the form's rules. Name and
 * affiliation are required. An imported profile is unclaimed and carries no consent: its contact details stay with the
 * station and operators until the expert claims the profile and consents (or the station records a written consent).
 */
@Component
class ExpertImportTarget implements ImportTarget {

    static final String SOURCE_SYSTEM = "import";

    private final ExpertRules rules;
    private final ExpertCatalog catalog;

    ExpertImportTarget(ExpertRules rules, ExpertCatalog catalog) {
        this.rules = rules;
        this.catalog = catalog;
    }

    @Override
    public String type() {
        return ExpertCatalog.RECORD_TYPE;
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(
                ImportColumn.required("name", "姓名", "Name", "最多 50 字").withAliases("专家姓名"),
                ImportColumn.required("affiliation", "工作单位", "Affiliation", "最多 200 字")
                        .withAliases("单位", "所在单位"),
                ImportColumn.optional("title", "职称", "Title", "如 教授、研究员、高级工程师"),
                ImportColumn.optional("disciplineCodes", "学科", "Disciplines", "国家自然科学基金申请代码，可填多个，如 E05；F0201")
                        .withAliases("学科代码")
                        .asList(),
                ImportColumn.optional("researchFields", "研究方向", "Research fields", "可填多个，用分号分隔，最多 10 个")
                        .asList(),
                ImportColumn.optional("keywords", "关键词", "Keywords", "可填多个，用分号分隔，最多 20 个")
                        .asList(),
                ImportColumn.optional("regionCode", "地区", "Region code", "GB/T 2260 六位行政区划代码")
                        .withAliases("地区代码")
                        .asCode(),
                ImportColumn.optional("societyIds", "学会", "Societies", "平台上全国学会的机构编号，可填多个")
                        .withAliases("所属学会")
                        .asList(),
                ImportColumn.optional("youngTalent", "青年人才", "Young talent", "是 / 否")
                        .asCode(),
                ImportColumn.optional("overseas", "海外", "Overseas", "是 / 否")
                        .withAliases("海外专家")
                        .asCode(),
                ImportColumn.optional("availability", "对接状态", "Availability", "可对接、有限对接、暂不对接；空为可对接")
                        .asCode(),
                ImportColumn.optional("introduction", "个人简介", "Introduction", "最多 5000 字")
                        .withAliases("简介"),
                ImportColumn.optional("phone", "联系电话", "Phone", "手机或带区号的固定电话；仅站点、平台运营和经专家同意后的技术经理人可见")
                        .withAliases("电话", "手机")
                        .asCode(),
                ImportColumn.optional("email", "电子邮箱", "E-mail", "专家可凭注册时验证的同一邮箱直接认领")
                        .withAliases("邮箱", "Email")
                        .asCode());
    }

    @Override
    public List<ImportFieldError> validate(ImportRow row) {
        List<ImportFieldError> errors = new ArrayList<>();
        try {
            rules.validate(draft(row));
        } catch (ExpertRejected rejected) {
            rejected.violations().forEach(v -> errors.add(new ImportFieldError(v.field(), v.key(), v.args())));
        } catch (DomainException refused) {
            errors.add(ImportFieldError.of(refused));
        }
        return errors;
    }

    @Override
    public Outcome apply(long stationId, ImportRow row, long batchId) {
        Experts.Upserted upserted =
                catalog.upsertFromImport(draft(row), new Provenance(stationId, SOURCE_SYSTEM, row.sourceId(), batchId));
        return Outcome.valueOf(upserted.change().name());
    }

    /** The row as a draft; flags and society numbers that cannot be read are refused with the row's other errors. */
    static ExpertDraft draft(ImportRow row) {
        List<Violation> violations = new ArrayList<>();
        List<Long> societies = new ArrayList<>();
        for (String item : row.list("societyIds")) {
            try {
                societies.add(Long.valueOf(Text.clean(item)));
            } catch (NumberFormatException notANumber) {
                violations.add(Violation.of("societyIds", "expert.society.unknown", ExpertRules.echo(item)));
            }
        }
        Boolean young = flag(violations, "youngTalent", row.text("youngTalent"));
        Boolean overseas = flag(violations, "overseas", row.text("overseas"));
        if (!violations.isEmpty()) {
            throw new ExpertRejected(violations);
        }
        return new ExpertDraft(
                row.text("name"),
                row.text("affiliation"),
                row.text("title"),
                row.list("disciplineCodes"),
                row.list("researchFields"),
                row.list("keywords"),
                row.text("regionCode"),
                societies,
                young,
                overseas,
                row.text("availability"),
                row.text("introduction"),
                row.text("phone"),
                row.text("email"),
                null,
                null);
    }

    private static Boolean flag(List<Violation> violations, String field, String typed) {
        if (Text.cleanOrNull(typed) == null) {
            return null;
        }
        Boolean flag = ExpertRules.flag(typed);
        if (flag == null) {
            violations.add(Violation.of(field, "expert.flag.invalid", ExpertRules.echo(typed)));
        }
        return flag;
    }
}
