package org.kechuang.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kechuang.platform.text.Text;

/**
 * The columns of one import type as files may name them: the source id column first, then the target's columns.
 * Header names are compared loosely: case, full/half width, traditional/simplified characters, blanks, {@code _} and
 * {@code -} do not matter, so 來源編號, {@code Source_ID} and {@code sourceid} all name the source id column.
 */
final class ImportColumns {

    static final ImportColumn SOURCE_ID = new ImportColumn(
                    ImportRow.SOURCE_ID,
                    "来源编号",
                    "Source id",
                    List.of(),
                    true,
                    ImportColumn.Kind.CODE,
                    "必填；本站系统中记录的编号，在本站内唯一。再次导入同一编号时更新该记录，不会重复")
            .withAliases("来源ID", "source_id", "源编号");

    private static final Pattern IGNORED = Pattern.compile("[\\s_\\-\\uFEFF]+");

    private final List<ImportColumn> columns;
    private final Map<String, ImportColumn> byName = new HashMap<>();

    ImportColumns(ImportTarget target) {
        List<ImportColumn> all = new ArrayList<>();
        List<String> sourceAliases = new ArrayList<>(SOURCE_ID.aliases());
        sourceAliases.addAll(target.sourceIdAliases());
        all.add(SOURCE_ID.withAliases(sourceAliases.toArray(String[]::new)));
        all.addAll(target.columns());
        this.columns = List.copyOf(all);
        for (ImportColumn column : columns) {
            register(column.field(), column);
            register(column.header(), column);
            register(column.englishHeader(), column);
            column.aliases().forEach(alias -> register(alias, column));
        }
    }

    private void register(String name, ImportColumn column) {
        byName.putIfAbsent(comparable(name), column);
    }

    /** Every column, the source id first, in template order. */
    List<ImportColumn> all() {
        return columns;
    }

    Optional<ImportColumn> forName(String name) {
        return Optional.ofNullable(byName.get(comparable(name)));
    }

    Optional<ImportColumn> forField(String field) {
        return columns.stream().filter(c -> c.field().equals(field)).findFirst();
    }

    /** The header name as a comparison key; blank names compare as the empty string. */
    static String comparable(String name) {
        String key = Text.key(name == null ? "" : name.replace('\uFEFF', ' '));
        return IGNORED.matcher(key).replaceAll("");
    }
}
