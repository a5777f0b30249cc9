package org.kechuang.moderation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/** The content screen libraries call on submit: the shipped word lists and link rules over every text field. */
@Service
class ScreeningService implements ContentScreen {

    private final WordListScreen screen = new WordListScreen(WordLists.shipped());

    @Override
    public Verdict screen(String recordType, long recordId, Long stationId, Map<String, String> fields) {
        List<Match> matches = screen.screen(fields);
        if (matches.isEmpty()) {
            return Verdict.clear();
        }
        Set<Finding> findings = new LinkedHashSet<>();
        matches.forEach(match -> findings.add(match.finding()));
        return new Verdict(true, List.copyOf(findings));
    }
}
