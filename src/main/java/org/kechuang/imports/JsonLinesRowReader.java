package org.kechuang.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines: one object per line, properties named like the columns (canonical field names, or the headers). A list
 * column may be a JSON array. A line that is not a JSON object is an error of that line only.
 */
final class JsonLinesRowReader implements RowReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void read(Path file, ImportColumns columns, Consumer<RawRow> sink) throws IOException {
        TextEncoding encoding = TextEncoding.detect(file);
        if (!encoding.charset().equals(StandardCharsets.UTF_8)) {
            throw ImportRefused.of("imports.json.encoding");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        boolean any = false;
        try (BufferedReader lines = new BufferedReader(encoding.open(file), 1 << 16)) {
            int number = 0;
            String line;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                any = true;
                sink.accept(row(number, line, columns, fields));
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw ImportRefused.of("imports.file.encoding");
            }
            throw e;
        }
        if (!any) {
            throw ImportRefused.of("imports.file.empty");
        }
    }

    private static RawRow row(int number, String line, ImportColumns columns, Map<String, String> fields) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException malformed) {
            return RawRow.broken(number, ImportFieldError.of(null, "imports.json.malformed"));
        }
        if (node == null || !node.isObject()) {
            return RawRow.broken(number, ImportFieldError.of(null, "imports.json.not-object"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<ImportFieldError> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String field = fields.computeIfAbsent(
                    property.getKey(),
                    name -> columns.forName(name).map(ImportColumn::field).orElse(""));
            String shown =
                    property.getKey().length() > 50 ? property.getKey().substring(0, 50) + "…" : property.getKey();
            if (field.isEmpty()) {
                errors.add(ImportFieldError.of(shown, "imports.json.unknown-property", shown));
                continue;
            }
            if (values.containsKey(field)) {
                errors.add(ImportFieldError.of(field, "imports.header.repeated", shown));
                continue;
            }
            JsonNode value = property.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                for (JsonNode item : value) {
                    if (item.isContainer()) {
                        errors.add(ImportFieldError.of(field, "imports.json.nested"));
                    } else if (!item.isNull()) {
                        items.add(item.asString());
                    }
                }
                values.put(field, items);
            } else if (value.isContainer()) {
                errors.add(ImportFieldError.of(field, "imports.json.nested"));
            } else {
                values.put(field, value.asString());
            }
        }
        return new RawRow(number, values, errors);
    }
}
