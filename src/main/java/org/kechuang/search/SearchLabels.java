package org.kechuang.search;

import java.util.List;
import java.util.Locale;
import org.kechuang.reference.Industries;
import org.kechuang.reference.IndustryChains;
import org.kechuang.reference.Regions;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The names the results page shows for libraries, statuses, facets and their codes, in the reader's language. */
@Component
class SearchLabels {

    /** The libraries in the order of the tabs. */
    static final List<String> TYPES = List.of("demand", "achievement", "expert", "case", "organization");

    private final MessageSource messages;
    private final Industries industries;
    private final IndustryChains chains;
    private final Regions regions;

    SearchLabels(MessageSource messages, Industries industries, IndustryChains chains, Regions regions) {
        this.messages = messages;
        this.industries = industries;
        this.chains = chains;
        this.regions = regions;
    }

    String type(String type, Locale locale) {
        return messages.getMessage("search.type." + type, null, type, locale);
    }

    String allTypes(Locale locale) {
        return messages.getMessage("search.type.all", null, locale);
    }

    String status(String status, Locale locale) {
        return messages.getMessage("search.status." + status, null, status, locale);
    }

    String dimension(String dimension, Locale locale) {
        return messages.getMessage("search.facet." + dimension, null, dimension, locale);
    }

    /** The name of a code: an industry, a chain or chain node, a region; a readiness level as "TRL n". */
    String value(String dimension, String code, Locale locale) {
        boolean english = locale.getLanguage().equals("en");
        return switch (dimension) {
            case "industry" ->
                industries
                        .find(code)
                        .map(i -> english && i.nameEn() != null ? i.nameEn() : i.name())
                        .orElse(code);
            case "chain" ->
                chains.find(code)
                        .map(c -> english && c.nameEn() != null ? c.nameEn() : c.name())
                        .or(() -> chains.findNode(code).map(n -> english && n.nameEn() != null ? n.nameEn() : n.name()))
                        .orElse(code);
            case "region" -> regions.find(code).map(r -> r.name()).orElse(code);
            case "trl" -> "TRL " + code;
            case "type" -> type(code, locale);
            default -> code;
        };
    }
}
