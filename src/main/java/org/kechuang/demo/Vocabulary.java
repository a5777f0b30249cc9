package org.kechuang.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words the demo data is made of, written for this project and kept in {@code src/main/resources/demo/}: per
 * industry chain its context sentences, methods, company name parts and, per chain node, its technical objects,
 * processes, materials, problems, indicators with realistic ranges and application scenarios; names, titles and
 * institution types; regions; sentence patterns. See {@code demo/README.md} for the file format.
 */
record Vocabulary(
        List<ChainWords> chains, List<DemoRegion> regions, Map<String, List<String>> people, Templates templates) {

    static final List<String> CHAIN_FILES = List.of("IC", "NEV", "BIO", "AI", "HEE", "NMAT", "NES", "AGRI");
    private static final String FOLDER = "demo/";
    /** Items of a list are separated by the full-width semicolon, which the words themselves never contain. */
    private static final String ITEMS = "；";

    Vocabulary {
        chains = List.copyOf(chains);
        regions = List.copyOf(regions);
        people = Map.copyOf(people);
    }

    /** The vocabulary shipped in the jar; read once per generator. */
    static Vocabulary shipped() {
        List<ChainWords> chains = new ArrayList<>();
        for (String chain : CHAIN_FILES) {
            chains.add(chain(read("chains/" + chain + ".txt")));
        }
        return new Vocabulary(
                chains,
                regions(read("regions.txt")),
                keyed(read("people.txt")),
                new Templates(sections(read("templates.txt"))));
    }

    List<String> people(String key) {
        List<String> words = people.get(key);
        if (words == null) {
            throw new IllegalStateException("demo/people.txt has no line '" + key + "'");
        }
        return words;
    }

    /** Words of an industry chain and of each of its nodes. */
    record ChainWords(
            String code,
            String name,
            List<String> contexts,
            List<String> methods,
            List<String> brands,
            List<String> companySuffixes,
            List<String> disciplines,
            List<NodeWords> nodes) {}

    /**
     * Words of one chain node.
     *
     * @param divisions GB/T 4754 divisions (two digits) of the node's industries, the industry codes the records carry
     * @param field the technology field as a short name, e.g. 芯片设计
     * @param methods the node's own methods where the chain's do not fit it; empty otherwise
     */
    record NodeWords(
            String code,
            String chainCode,
            List<String> divisions,
            String field,
            List<String> objects,
            List<String> processes,
            List<String> materials,
            List<String> problems,
            List<IndicatorSpec> indicators,
            List<String> scenarios,
            List<String> methods) {}

    /**
     * A target indicator and the range its values are drawn from, or a fixed free-text indicator.
     *
     * @param decimals digits after the point; negative rounds to tens, hundreds, thousands
     */
    record IndicatorSpec(
            String name, String comparator, double min, double max, int decimals, String unit, String text) {

        boolean quantified() {
            return text == null;
        }

        static IndicatorSpec parse(String item) {
            if (item.startsWith("=")) {
                return new IndicatorSpec(
                        null, null, 0, 0, 0, null, item.substring(1).strip());
            }
            String[] parts = item.split("\\|", -1);
            if (parts.length != 6) {
                throw new IllegalStateException("indicator needs name|comparator|min|max|decimals|unit: " + item);
            }
            double min = Double.parseDouble(parts[2]);
            double max = Double.parseDouble(parts[3]);
            if (min > max) {
                throw new IllegalStateException("indicator range reversed: " + item);
            }
            return new IndicatorSpec(
                    parts[0].strip(),
                    parts[1].strip(),
                    min,
                    max,
                    Integer.parseInt(parts[4].strip()),
                    parts[5].isBlank() ? null : parts[5].strip(),
                    null);
        }
    }

    /** A prefecture-level city (or a district of a municipality) with its GB/T 2260 code and drawing weight. */
    record DemoRegion(String code, String name, int weight) {

        String provinceCode() {
            return code.substring(0, 2) + "0000";
        }

        /**
         * The name institutions carry: the city without 市 (宁波市 → 宁波), for a district of a municipality the
         * municipality (浦东新区 → 上海).
         */
        String shortName() {
            if (!code.endsWith("00")) {
                return switch (code.substring(0, 2)) {
                    case "11" -> "北京";
                    case "12" -> "天津";
                    case "31" -> "上海";
                    case "50" -> "重庆";
                    default -> throw new IllegalStateException("a county outside the municipalities: " + code);
                };
            }
            return name.length() > 2 && name.endsWith("市") ? name.substring(0, name.length() - 1) : name;
        }
    }

    /** Sentence patterns by section. */
    record Templates(Map<String, List<String>> sections) {

        Templates {
            sections = Map.copyOf(sections);
        }

        List<String> of(String section) {
            List<String> patterns = sections.get(section);
            if (patterns == null || patterns.isEmpty()) {
                throw new IllegalStateException("demo/templates.txt has no section [" + section + "]");
            }
            return patterns;
        }
    }

    private static ChainWords chain(List<String> lines) {
        Map<String, String> head = new LinkedHashMap<>();
        List<NodeWords> nodes = new ArrayList<>();
        Map<String, String> node = null;
        String chain = null;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("not 'key: value': " + line);
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (key.equals("chain")) {
                chain = value;
            } else if (key.equals("node")) {
                if (node != null) {
                    nodes.add(node(chain, node));
                }
                node = new LinkedHashMap<>();
                node.put("node", value);
            } else if (node != null) {
                node.put(key, value);
            } else {
                head.put(key, value);
            }
        }
        if (node != null) {
            nodes.add(node(chain, node));
        }
        return new ChainWords(
                chain,
                head.get("名称"),
                items(head, "产业背景"),
                items(head, "方法"),
                items(head, "企业字号"),
                items(head, "企业后缀"),
                items(head, "学科"),
                nodes);
    }

    private static NodeWords node(String chain, Map<String, String> fields) {
        return new NodeWords(
                fields.get("node"),
                chain,
                items(fields, "行业"),
                fields.get("领域"),
                items(fields, "对象"),
                items(fields, "工艺"),
                fields.containsKey("材料") ? items(fields, "材料") : List.of(),
                items(fields, "难题"),
                items(fields, "指标").stream().map(IndicatorSpec::parse).toList(),
                items(fields, "场景"),
                fields.containsKey("方法") ? items(fields, "方法") : List.of());
    }

    private static List<String> items(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing '" + key + "' in " + fields.getOrDefault("node", "chain head"));
        }
        return split(value);
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(ITEMS))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    private static List<DemoRegion> regions(List<String> lines) {
        return lines.stream()
                .map(line -> line.split("\\|"))
                .map(parts -> new DemoRegion(parts[0].strip(), parts[1].strip(), Integer.parseInt(parts[2].strip())))
                .toList();
    }

    private static Map<String, List<String>> keyed(List<String> lines) {
        Map<String, List<String>> keyed = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            keyed.put(line.substring(0, colon).strip(), split(line.substring(colon + 1)));
        }
        return keyed;
    }

    private static Map<String, List<String>> sections(List<String> lines) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new ArrayList<>();
                sections.put(line.substring(1, line.length() - 1), current);
            } else if (current == null) {
                throw new IllegalStateException("pattern before the first [section]: " + line);
            } else {
                current.add(line);
            }
        }
        return sections;
    }

    /** The file's lines without comments and blank lines. */
    private static List<String> read(String file) {
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + FOLDER + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
