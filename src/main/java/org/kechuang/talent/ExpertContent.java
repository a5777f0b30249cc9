package org.kechuang.talent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kechuang.platform.text.Text;

/**
 * The checked content of an expert profile: text as typed (trimmed), codes normalized, e-mail in lower case. Only
 * {@link ExpertRules} makes one from a draft.
 *
 * @param title the professional title (职称), e.g. 教授、研究员、高级工程师
 * @param disciplineCodes NSFC application codes (学科)
 * @param researchFields research directions as typed (研究方向)
 * @param societyIds organizations of type national society the expert is a member of
 */
record ExpertContent(
        String name,
        String affiliation,
        String title,
        List<String> disciplineCodes,
        List<String> researchFields,
        List<String> keywords,
        String regionCode,
        List<Long> societyIds,
        boolean youngTalent,
        boolean overseas,
        Availability availability,
        String introduction,
        String phone,
        String email) {

    ExpertContent {
        disciplineCodes = List.copyOf(disciplineCodes);
        researchFields = List.copyOf(researchFields);
        keywords = List.copyOf(keywords);
        societyIds = List.copyOf(societyIds);
    }

    String nameKey() {
        return Text.key(name);
    }

    String affiliationKey() {
        return Text.key(affiliation);
    }

    boolean hasContact() {
        return phone != null || email != null;
    }

    /** The fields as the history shows them, in a fixed order; absent values are left out. */
    Map<String, String> asFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "name", name);
        put(fields, "affiliation", affiliation);
        put(fields, "title", title);
        put(fields, "disciplineCodes", joined(disciplineCodes));
        put(fields, "researchFields", joined(researchFields));
        put(fields, "keywords", joined(keywords));
        put(fields, "regionCode", regionCode);
        put(
                fields,
                "societyIds",
                societyIds.isEmpty()
                        ? null
                        : societyIds.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        fields.put("youngTalent", Boolean.toString(youngTalent));
        fields.put("overseas", Boolean.toString(overseas));
        fields.put("availability", availability.name());
        put(fields, "introduction", introduction);
        put(fields, "phone", phone);
        put(fields, "email", email);
        return fields;
    }

    /** The text the content screen reads: everything a person typed in words. */
    Map<String, String> screenedText() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "name", name);
        put(fields, "affiliation", affiliation);
        put(fields, "title", title);
        put(fields, "researchFields", joined(researchFields));
        put(fields, "keywords", joined(keywords));
        put(fields, "introduction", introduction);
        return fields;
    }

    private static String joined(List<String> items) {
        return items.isEmpty() ? null : String.join("; ", items);
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
