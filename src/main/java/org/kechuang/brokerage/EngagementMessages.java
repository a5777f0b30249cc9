package org.kechuang.brokerage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.kechuang.demand.Demands;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.CurrentUser;
import org.kechuang.platform.history.RecordHistory;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages of an engagement and their files: written and read only by its parties (the demand's side, the
 * counterpart's side, the manager) and operators. A station admin who follows the engagement does not read them;
 * anyone who may not see the engagement learns nothing, not even that it exists (404).
 *
 * <p>A message is audited under its own record type ({@value #RECORD_TYPE}, with the engagement's id) and does not
 * change the engagement's version: writing is not editing, and the stale-version answer of {@link EngagementDesk}
 * counts one {@code engagement} audit entry per version.
 */
@Service
class EngagementMessages {

    static final String RECORD_TYPE = "engagement-message";

    private final EngagementStore engagements;
    private final EngagementMessageStore messages;
    private final AttachmentFiles files;
    private final RecordHistory history;
    private final EngagementMessageNotices notices;
    private final Demands demands;
    private final Accounts accounts;
    private final Clock clock;

    EngagementMessages(
            EngagementStore engagements,
            EngagementMessageStore messages,
            AttachmentFiles files,
            RecordHistory history,
            EngagementMessageNotices notices,
            Demands demands,
            Accounts accounts,
            Clock clock) {
        this.engagements = engagements;
        this.messages = messages;
        this.files = files;
        this.history = history;
        this.notices = notices;
        this.demands = demands;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * A file as uploaded.
     *
     * @param size the size the upload declared, checked before the content is read
     */
    record Upload(String fileName, long size, Supplier<byte[]> content) {}

    /** Whether the user reads and writes the engagement's messages: its parties and operators. */
    static boolean mayTalk(CurrentUser user, Engagement engagement) {
        return user != null && (user.isOperator() || engagement.hasParty(user.id()));
    }

    /**
     * Writes a message, with a file or without. Every wrong field is refused at once and nothing is stored: no row, no
     * file.
     *
     * @param upload null when no file comes with it
     */
    @Transactional
    EngagementMessage post(long engagementId, String text, Upload upload, CurrentUser user) {
        Engagement engagement = talking(engagementId, user);
        List<Violation> violations = new ArrayList<>();
        String typed = text == null ? "" : text.strip();
        if (typed.length() > EngagementMessage.MAX_TEXT) {
            violations.add(new Violation("text", "engagement-message.text.long", EngagementMessage.MAX_TEXT));
        } else if (Text.hasMarkup(typed)) {
            violations.add(new Violation("text", "engagement-message.text.markup"));
        } else if (typed.isEmpty() && upload == null) {
            violations.add(new Violation("text", "engagement-message.text.required"));
        }
        Checked file = upload == null ? null : check(upload, violations);
        if (!violations.isEmpty()) {
            if (file != null) {
                files.discard(file.incoming());
            }
            throw new EngagementRefused(violations);
        }
        Instant now = clock.instant();
        long messageId = messages.insertMessage(engagement.id(), user.id(), typed, now);
        Map<String, String> audited = new LinkedHashMap<>();
        audited.put("message", "#" + messageId);
        if (file != null) {
            String key = files.keep(file.incoming());
            long attachmentId = messages.insertAttachment(
                    engagement.id(),
                    messageId,
                    file.name(),
                    file.type(),
                    file.size(),
                    file.incoming().sha256(),
                    key,
                    user.id(),
                    now);
            audited.put("attachment", "#" + attachmentId + " " + file.name());
            audited.put("sha256", file.incoming().sha256());
        }
        history.record(RECORD_TYPE, engagement.id(), user.id(), "message", Map.of(), audited);
        notices.posted(engagement, title(engagement), name(user.id()), messageId, user.id());
        return messages.message(messageId).orElseThrow();
    }

    /** The engagement's messages, oldest first. */
    @Transactional(readOnly = true)
    List<EngagementMessage> thread(long engagementId, CurrentUser user) {
        return messages.thread(talking(engagementId, user).id());
    }

    /** An attached file, for the parties and operators only: to everyone else it does not exist. */
    @Transactional(readOnly = true)
    Download download(long engagementId, long attachmentId, CurrentUser user) {
        Attachment attachment = engagements
                .find(engagementId)
                .filter(e -> mayTalk(user, e))
                .flatMap(e -> messages.attachment(e.id(), attachmentId))
                .filter(a -> files.exists(a.storageKey()))
                .orElseThrow(() -> DomainException.notFound("attachment.not-found", attachmentId));
        return new Download(attachment, files.open(attachment.storageKey()));
    }

    record Download(Attachment attachment, Resource content) {}

    /** The display names of the accounts, for showing who wrote what. */
    Map<Long, String> names(List<EngagementMessage> thread) {
        Map<Long, String> names = new LinkedHashMap<>();
        thread.forEach(m -> names.computeIfAbsent(m.authorId(), this::name));
        return names;
    }

    /**
     * The audit trail of an engagement as its readers see it: its own entries (one per version) and its messages', in
     * time order.
     */
    static List<RecordHistory.Entry> auditTrail(
            List<RecordHistory.Entry> engagement, List<RecordHistory.Entry> messages) {
        List<RecordHistory.Entry> trail = new ArrayList<>(engagement);
        trail.addAll(messages);
        trail.sort(java.util.Comparator.comparing(RecordHistory.Entry::at));
        return trail;
    }

    private String name(long accountId) {
        return accounts.findById(accountId).map(Account::displayName).orElse("#" + accountId);
    }

    private Engagement talking(long engagementId, CurrentUser user) {
        Engagement engagement = engagements
                .find(engagementId)
                .filter(e -> EngagementAccess.maySee(user, e))
                .orElseThrow(() -> DomainException.notFound("engagement.not-found", engagementId));
        if (!mayTalk(user, engagement)) {
            throw DomainException.forbidden("engagement-message.forbidden");
        }
        return engagement;
    }

    private record Checked(String name, AttachmentType type, long size, AttachmentFiles.Incoming incoming) {}

    /** The file's limits, then its content against the type its name claims; adds what is wrong to violations. */
    private Checked check(Upload upload, List<Violation> violations) {
        Optional<AttachmentType> claimed = AttachmentType.byName(upload.fileName());
        if (upload.size() <= 0) {
            violations.add(new Violation("file", "attachment.empty"));
            return null;
        }
        if (upload.size() > Attachment.MAX_SIZE) {
            violations.add(new Violation("file", "attachment.too-large", Attachment.MAX_SIZE / (1024 * 1024)));
            return null;
        }
        if (claimed.isEmpty()) {
            violations.add(new Violation("file", "attachment.type.unsupported"));
            return null;
        }
        byte[] content = upload.content().get();
        if (content.length == 0) {
            violations.add(new Violation("file", "attachment.empty"));
            return null;
        }
        if (content.length > Attachment.MAX_SIZE) {
            violations.add(new Violation("file", "attachment.too-large", Attachment.MAX_SIZE / (1024 * 1024)));
            return null;
        }
        AttachmentFiles.Incoming incoming = files.receive(content);
        Optional<AttachmentType> found = AttachmentSniffer.sniff(content, incoming.path());
        if (found.isEmpty() || found.get() != claimed.get()) {
            files.discard(incoming);
            violations.add(new Violation(
                    "file",
                    "attachment.type.mismatch",
                    claimed.get().extension().toUpperCase(java.util.Locale.ROOT)));
            return null;
        }
        return new Checked(
                AttachmentNames.sanitise(upload.fileName(), claimed.get()), claimed.get(), content.length, incoming);
    }

    private String title(Engagement engagement) {
        return demands.particulars(engagement.demandId())
                .map(Demands.Particulars::title)
                .orElse("#" + engagement.demandId());
    }
}
