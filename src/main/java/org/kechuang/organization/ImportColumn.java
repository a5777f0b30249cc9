package org.kechuang.organization;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kechuang.platform.text.Text;

/**
 * The columns an organization import understands, each under its Chinese and English header names. Headers are
 * compared loosely: case, full-width forms, traditional characters, blanks, underscores and hyphens do not matter.
 */
enum ImportColumn {
    NAME("name", List.of("名称", "机构名称", "单位名称", "name", "organization")),
    TYPE("type", List.of("类型", "机构类型", "type")),
    SME("sme", List.of("中小企业", "是否中小企业", "sme")),
    CREDIT_CODE(CreditCode.FIELD, List.of("统一社会信用代码", "信用代码", "credit_code", "creditcode", "uscc")),
    REGION("regionCode", List.of("地区代码", "行政区划代码", "地区", "region", "region_code")),
    WEBSITE("website", List.of("网站", "网址", "website", "url")),
    DESCRIPTION("description", List.of("简介", "机构简介", "描述", "description")),
    CONTACT_EMAIL("contactEmail", List.of("联系邮箱", "电子邮件", "邮箱", "email", "contact_email")),
    CONTACT_PHONE("contactPhone", List.of("联系电话", "电话", "phone", "contact_phone")),
    DISCIPLINE_GROUP("disciplineGroup", List.of("学科组", "学科类别", "分组", "group", "discipline_group")),
    SOURCE_ID("sourceId", List.of("来源编号", "编号", "代码", "source_id", "code"));

    private final String field;
    private final List<String> headers;

    ImportColumn(String field, List<String> headers) {
        this.field = field;
        this.headers = headers.stream().map(ImportColumn::comparable).toList();
    }

    /** The draft field the column fills, as named in API errors. */
    String field() {
        return field;
    }

    static Optional<ImportColumn> forHeader(String header) {
        String wanted = comparable(header);
        return Arrays.stream(values())
                .filter(column -> column.headers.contains(wanted))
                .findFirst();
    }

    static Optional<ImportColumn> forField(String field) {
        return Arrays.stream(values()).filter(c -> c.field.equals(field)).findFirst();
    }

    private static String comparable(String header) {
        String key = Text.key(header == null ? "" : header);
        return Ignored.PATTERN.matcher(key).replaceAll("");
    }

    /** Enum constants are built before the enum's own static fields, so the pattern lives in a holder. */
    private static final class Ignored {
        static final Pattern PATTERN = Pattern.compile("[\\s_\\-]+");
    }
}
