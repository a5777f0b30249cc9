package org.kechuang.moderation;

import java.util.List;
import java.util.Map;

/**
 * Screens a submission before it is published. A clear submission may be published at once; a held one waits in the
 * moderation queue until an operator releases it ({@link ContentReleased}) or rejects it ({@link ContentRejected}).
 *
 * <p>Call it inside the submit's transaction: the queue item is stored with the submission or not at all. Screening
 * the same record again replaces its pending queue item (a clear result withdraws it), so a record never waits twice.
 * {@link ModerationQueue#pendingFor} tells whether a record is awaiting moderation. What is matched, and why, is
 * described in {@code src/main/resources/moderation/README.md}.
 */
public interface ContentScreen {

    /**
     * @param recordType the library, e.g. {@code demand}
     * @param recordId the record's id in that library
     * @param stationId the station the record belongs to, or {@code null}
     * @param fields the text of the submission by field name (title, description, …); only text is screened
     */
    Verdict screen(String recordType, long recordId, Long stationId, Map<String, String> fields);

    /**
     * Screens records stored just now for the first time (a bulk import, a seed), as {@link #screen} does each of
     * them; since none can have an earlier queue item, a clear record costs no statement, and only held ones are
     * queued.
     *
     * @param submissions the new records of one library and station
     * @return the verdicts, in the order of the submissions
     */
    default List<Verdict> screenNew(String recordType, Long stationId, List<Submission> submissions) {
        return submissions.stream()
                .map(submission -> screen(recordType, submission.recordId(), stationId, submission.fields()))
                .toList();
    }

    /**
     * Screens the submission as {@link #screen} does and queues it for an operator whatever the screen finds: for a
     * record the platform wrote on someone's behalf that a person must approve before it is published (an application
     * case proposed from an evaluated engagement). The queue item carries the finding {@code approval} on the field
     * {@code source}, with {@code why} as its text, besides the screen's own findings; the operator's release or
     * rejection arrives as for any held submission.
     *
     * @param why what the record is and where it comes from, shown to the operator
     * @return a held verdict
     */
    Verdict holdForApproval(String recordType, long recordId, Long stationId, Map<String, String> fields, String why);

    /**
     * @param recordId the new record's id in its library
     * @param fields the text of the record by field name
     */
    record Submission(long recordId, Map<String, String> fields) {}

    /**
     * @param held whether the submission waits for an operator
     * @param reasons what was found, each with the field and the matched text, empty when clear
     */
    record Verdict(boolean held, List<Finding> reasons) {

        public static Verdict clear() {
            return new Verdict(false, List.of());
        }
    }

    /**
     * @param field where it was found
     * @param category {@code gambling}, {@code spam}, {@code sensitive} or {@code link}
     * @param matched the text that matched
     */
    record Finding(String field, String category, String matched) {}
}
