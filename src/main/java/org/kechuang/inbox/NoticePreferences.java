package org.kechuang.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kechuang.platform.web.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which channels each account receives per notice kind, and the language its mails are written in. Only the choices
 * that differ from a kind's default are stored, so an account that never chose follows the default.
 */
@Service
class NoticePreferences {

    private final JdbcClient jdbc;
    private final NoticeKinds kinds;
    private final Clock clock;

    NoticePreferences(JdbcClient jdbc, NoticeKinds kinds, Clock clock) {
        this.jdbc = jdbc;
        this.kinds = kinds;
        this.clock = clock;
    }

    /** A declared kind and the channels the account receives it by. */
    record Choice(NoticeKind kind, Set<Channel> channels) {

        public boolean inbox() {
            return channels.contains(Channel.INBOX);
        }

        public boolean email() {
            return channels.contains(Channel.EMAIL);
        }
    }

    record Settings(MailLanguage language, List<Choice> choices) {}

    /**
     * A requested choice as it comes from a form or the API, checked by {@link #change}.
     *
     * @param channels names of {@link Channel}s; those left out are turned off
     */
    record Requested(String kind, List<String> channels) {}

    /** The channels the account receives a notice of this kind by (an undeclared kind: the inbox). */
    Set<Channel> channels(long accountId, String kind) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        channels.addAll(kinds.defaults(kind));
        jdbc.sql("select channel, enabled from inbox_preference where account_id = :account and kind = :kind")
                .param("account", accountId)
                .param("kind", kind)
                .query((row, n) -> {
                    Channel channel = Channel.valueOf(row.getString("channel"));
                    if (row.getBoolean("enabled")) {
                        channels.add(channel);
                    } else {
                        channels.remove(channel);
                    }
                    return channel;
                })
                .list();
        return channels;
    }

    MailLanguage language(long accountId) {
        return jdbc.sql("select language from inbox_account_language where account_id = :account")
                .param("account", accountId)
                .query(String.class)
                .optional()
                .flatMap(MailLanguage::parse)
                .orElse(MailLanguage.CHINESE);
    }

    Settings of(long accountId) {
        Map<String, Map<Channel, Boolean>> stored = new HashMap<>();
        jdbc.sql("select kind, channel, enabled from inbox_preference where account_id = :account")
                .param("account", accountId)
                .query((row, n) -> stored.computeIfAbsent(row.getString("kind"), k -> new HashMap<>())
                        .put(Channel.valueOf(row.getString("channel")), row.getBoolean("enabled")))
                .list();
        List<Choice> choices = new ArrayList<>();
        for (NoticeKind kind : kinds.all()) {
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            for (Channel channel : Channel.values()) {
                boolean enabled = stored.getOrDefault(kind.kind(), Map.of())
                        .getOrDefault(channel, kind.defaults().contains(channel));
                if (enabled) {
                    channels.add(channel);
                }
            }
            choices.add(new Choice(kind, channels));
        }
        return new Settings(language(accountId), choices);
    }

    /**
     * Changes the language (unless null) and the channels of the requested kinds; kinds not requested keep theirs.
     * Everything is checked before anything is written: an unknown kind, a kind twice, an unknown channel or language
     * is refused with the field it concerns.
     */
    @Transactional
    Settings change(long accountId, String language, List<Requested> requested) {
        MailLanguage chosenLanguage = null;
        if (language != null) {
            chosenLanguage = MailLanguage.parse(language)
                    .orElseThrow(
                            () -> DomainException.invalid("language", "inbox.preferences.language-invalid", language));
        }
        Map<NoticeKind, Set<Channel>> chosen = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<Requested> all = requested == null ? List.of() : requested;
        for (int i = 0; i < all.size(); i++) {
            Requested one = all.get(i);
            String field = "kinds[" + i + "]";
            if (one == null || one.kind() == null || one.kind().isBlank()) {
                throw DomainException.invalid(field + ".kind", "inbox.preferences.kind-required");
            }
            NoticeKind kind = kinds.find(one.kind())
                    .orElseThrow(() ->
                            DomainException.invalid(field + ".kind", "inbox.preferences.kind-unknown", one.kind()));
            if (!seen.add(kind.kind())) {
                throw DomainException.invalid(field + ".kind", "inbox.preferences.kind-repeated", one.kind());
            }
            if (one.channels() == null) {
                throw DomainException.invalid(field + ".channels", "inbox.preferences.channels-required");
            }
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            for (String name : one.channels()) {
                channels.add(channel(name, field + ".channels"));
            }
            chosen.put(kind, channels);
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (chosenLanguage != null) {
            jdbc.sql("""
                            insert into inbox_account_language (account_id, language, updated_at)
                            values (:account, :language, :now)
                            on conflict (account_id) do update set language = excluded.language,
                                updated_at = excluded.updated_at""")
                    .param("account", accountId)
                    .param("language", chosenLanguage.code)
                    .param("now", now)
                    .update();
        }
        chosen.forEach((kind, channels) -> {
            for (Channel channel : Channel.values()) {
                boolean enabled = channels.contains(channel);
                if (enabled == kind.defaults().contains(channel)) {
                    jdbc.sql("""
                                    delete from inbox_preference
                                    where account_id = :account and kind = :kind and channel = :channel""")
                            .param("account", accountId)
                            .param("kind", kind.kind())
                            .param("channel", channel.name())
                            .update();
                } else {
                    jdbc.sql("""
                                    insert into inbox_preference (account_id, kind, channel, enabled, updated_at)
                                    values (:account, :kind, :channel, :enabled, :now)
                                    on conflict (account_id, kind, channel) do update set enabled = excluded.enabled,
                                        updated_at = excluded.updated_at""")
                            .param("account", accountId)
                            .param("kind", kind.kind())
                            .param("channel", channel.name())
                            .param("enabled", enabled)
                            .param("now", now)
                            .update();
                }
            }
        });
        return of(accountId);
    }

    private static Channel channel(String name, String field) {
        for (Channel channel : Channel.values()) {
            if (channel.name().equals(name)) {
                return channel;
            }
        }
        throw DomainException.invalid(field, "inbox.preferences.channel-unknown", String.valueOf(name));
    }
}
