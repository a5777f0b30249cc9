package org.kechuang.inbox;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The notice kinds the modules declare, in the order of their keys. */
@Component
class NoticeKinds {

    /** What a notice of a kind nobody declared reaches: the inbox, as before kinds were declared. */
    static final Set<Channel> UNDECLARED = Set.of(Channel.INBOX);

    private final Map<String, NoticeKind> kinds = new LinkedHashMap<>();

    NoticeKinds(List<NoticeKind> declared) {
        declared.stream().sorted(Comparator.comparing(NoticeKind::kind)).forEach(kind -> {
            if (kinds.putIfAbsent(kind.kind(), kind) != null) {
                throw new IllegalStateException("Notice kind " + kind.kind() + " is declared twice");
            }
        });
    }

    List<NoticeKind> all() {
        return List.copyOf(kinds.values());
    }

    Optional<NoticeKind> find(String kind) {
        return Optional.ofNullable(kind).map(kinds::get);
    }

    Set<Channel> defaults(String kind) {
        return find(kind).map(NoticeKind::defaults).orElse(UNDECLARED);
    }
}
