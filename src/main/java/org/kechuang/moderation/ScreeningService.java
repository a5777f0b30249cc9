package org.kechuang.moderation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The content screen libraries call on submit: the shipped word lists and link rules over every text field. A held
 * submission is queued for an operator in the caller's transaction (a rolled-back submit leaves no queue item); a
 * clear re-screen withdraws the record's earlier pending item.
 */
@Service
class ScreeningService implements ContentScreen {

    /** The field an approval finding names: the record's source, not a piece of its text. */
    static final String APPROVAL_FIELD = "source";

    private final WordListScreen screen = new WordListScreen(WordLists.shipped());
    private final ModerationItemStore queue;

    ScreeningService(ModerationItemStore queue) {
        this.queue = queue;
    }

    @Override
    @Transactional
    public Verdict screen(String recordType, long recordId, Long stationId, Map<String, String> fields) {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(fields, "fields");
        List<Match> matches = screen.screen(fields);
        if (matches.isEmpty()) {
            queue.withdrawPending(recordType, recordId);
            return Verdict.clear();
        }
        queue.holdPending(recordType, recordId, stationId, fields, matches);
        Set<Finding> findings = new LinkedHashSet<>();
        matches.forEach(match -> findings.add(match.finding()));
        return new Verdict(true, List.copyOf(findings));
    }

    @Override
    @Transactional
    public Verdict holdForApproval(
            String recordType, long recordId, Long stationId, Map<String, String> fields, String why) {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(fields, "fields");
        List<Match> matches = new ArrayList<>();
        matches.add(new Match(APPROVAL_FIELD, Category.APPROVAL, 0, 0, Objects.requireNonNull(why), List.of()));
        matches.addAll(screen.screen(fields));
        queue.holdPending(recordType, recordId, stationId, fields, matches);
        Set<Finding> findings = new LinkedHashSet<>();
        matches.forEach(match -> findings.add(match.finding()));
        return new Verdict(true, List.copyOf(findings));
    }

    @Override
    @Transactional
    public List<Verdict> screenNew(String recordType, Long stationId, List<Submission> submissions) {
        Objects.requireNonNull(recordType, "recordType");
        List<Verdict> verdicts = new ArrayList<>(submissions.size());
        for (Submission submission : submissions) {
            List<Match> matches = screen.screen(submission.fields());
            if (matches.isEmpty()) {
                verdicts.add(Verdict.clear());
                continue;
            }
            queue.holdPending(recordType, submission.recordId(), stationId, submission.fields(), matches);
            Set<Finding> findings = new LinkedHashSet<>();
            matches.forEach(match -> findings.add(match.finding()));
            verdicts.add(new Verdict(true, List.copyOf(findings)));
        }
        return verdicts;
    }
}
