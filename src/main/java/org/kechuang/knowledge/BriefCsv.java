package org.kechuang.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The tables of a brief as one CSV file (UTF-8 with a byte order mark, so that Excel reads the Chinese): one block per
 * table, a heading line, a header row, the rows and a blank line.
 */
@Component
class BriefCsv {

    private final MessageSource messages;

    BriefCsv(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(Brief brief, Locale locale) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, text("knowledge.brief.csv.title", locale, brief.name(), brief.periodDays()));
        line(
                out,
                text("knowledge.brief.demands", locale),
                String.valueOf(brief.demands()),
                text("knowledge.brief.achievements", locale),
                String.valueOf(brief.achievements()));
        out.append("\r\n");
        line(out, text("knowledge.brief.topics", locale));
        line(
                out,
                text("knowledge.brief.topic.term", locale),
                text("knowledge.brief.topic.demands", locale),
                text("knowledge.brief.topic.previous", locale),
                text("knowledge.brief.topic.change", locale));
        brief.topics()
                .forEach(t -> line(
                        out,
                        t.term(),
                        String.valueOf(t.demands()),
                        String.valueOf(t.previous()),
                        String.valueOf(t.change())));
        out.append("\r\n");
        line(out, text("knowledge.brief.gaps", locale));
        line(out, "id", text("knowledge.brief.gap.title", locale), "link");
        brief.gaps().forEach(g -> line(out, String.valueOf(g.id()), g.title(), g.link()));
        out.append("\r\n");
        active(out, text("knowledge.brief.organizations", locale), brief.organizations(), locale);
        active(out, text("knowledge.brief.experts", locale), brief.experts(), locale);
        line(out, text("knowledge.brief.breakdown", locale));
        line(
                out,
                "code",
                text("knowledge.brief.breakdown.name", locale),
                text("knowledge.brief.demands", locale),
                text("knowledge.brief.achievements", locale));
        brief.breakdown()
                .forEach(s ->
                        line(out, s.code(), s.name(), String.valueOf(s.demands()), String.valueOf(s.achievements())));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void active(StringBuilder out, String heading, List<Brief.Active> rows, Locale locale) {
        line(out, heading);
        line(out, "id", text("knowledge.brief.active.name", locale), text("knowledge.brief.active.records", locale));
        rows.forEach(a -> line(out, String.valueOf(a.id()), a.name(), String.valueOf(a.records())));
        out.append("\r\n");
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static void line(StringBuilder out, String... cells) {
        out.append(List.of(cells).stream().map(BriefCsv::cell).collect(Collectors.joining(",")))
                .append("\r\n");
    }

    /** RFC 4180 quoting; a cell that a spreadsheet would take for a formula is prefixed with an apostrophe. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
