package org.kechuang.imports;

import java.util.List;

/** A record type for tests of the reading: two required texts, a list and a code, no rules of its own. */
final class SampleTarget implements ImportTarget {

    static final ImportColumns COLUMNS = new ImportColumns(new SampleTarget());

    @Override
    public String type() {
        return "sample";
    }

    @Override
    public List<ImportColumn> columns() {
        return List.of(
                ImportColumn.required("title", "成果名称", "Title", "最多 200 字").withAliases("标题"),
                ImportColumn.required("description", "成果摘要", "Description", ""),
                ImportColumn.optional("keywords", "关键词", "Keywords", "").asList(),
                ImportColumn.optional("regionCode", "地区代码", "Region code", "").asCode());
    }

    @Override
    public List<String> sourceIdAliases() {
        return List.of("代码");
    }

    @Override
    public List<ImportFieldError> validate(ImportRow row) {
        return List.of();
    }

    @Override
    public Outcome apply(long stationId, ImportRow row, long batchId) {
        throw new UnsupportedOperationException();
    }
}
