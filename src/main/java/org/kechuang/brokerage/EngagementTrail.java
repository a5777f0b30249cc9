package org.kechuang.brokerage;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
import org.kechuang.platform.history.RecordHistory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The audit trail as people read it: who acted, when, and each changed field before → after, with the stage, contract
 * type, close reason and field names in the reader's language and the manager by name.
 */
@Component
class EngagementTrail {

    static final DateTimeFormatter SHOWN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(EngagementDesk.ZONE);

    private final MessageSource messages;
    private final Accounts accounts;

    EngagementTrail(MessageSource messages, Accounts accounts) {
        this.messages = messages;
        this.accounts = accounts;
    }

    /** One change of one field; {@code before} or {@code after} null when the field was empty. */
    record Change(String field, String before, String after) {}

    /**
     * @param instant for ordering entries of several engagements
     * @param action the action in the reader's language
     */
    record Row(Instant instant, String at, String actor, String action, List<Change> changes) {}

    List<Row> rows(List<RecordHistory.Entry> entries, Locale locale) {
        return entries.stream().map(entry -> row(entry, locale)).toList();
    }

    private Row row(RecordHistory.Entry entry, Locale locale) {
        return new Row(
                entry.at(),
                SHOWN_TIME.format(entry.at()),
                entry.actorId() == null
                        ? message("engagement.trail.platform", locale)
                        : person(entry.actorId().toString()),
                messages.getMessage("engagement.trail.action." + entry.action(), null, entry.action(), locale),
                entry.changes().stream()
                        .map(change -> new Change(
                                messages.getMessage(
                                        "engagement.trail.field." + change.field(), null, change.field(), locale),
                                value(change.field(), change.before(), locale),
                                value(change.field(), change.after(), locale)))
                        .toList());
    }

    private String value(String field, String value, Locale locale) {
        if (value == null) {
            return null;
        }
        try {
            return switch (field) {
                case "stage" -> message(Stage.valueOf(value).messageKey(), locale);
                case "contract.type" -> message(ContractType.valueOf(value).messageKey(), locale);
                case "closeReason" -> message(CloseReason.valueOf(value).messageKey(), locale);
                case "managerId" -> person(value);
                case "dueAt" -> SHOWN_TIME.format(Instant.parse(value));
                default -> value;
            };
        } catch (IllegalArgumentException | DateTimeParseException unknown) {
            return value;
        }
    }

    private String person(String accountId) {
        try {
            return accounts.findById(Long.parseLong(accountId))
                    .map(Account::displayName)
                    .orElse("#" + accountId);
        } catch (NumberFormatException notAnId) {
            return accountId;
        }
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
