package org.kechuang.brokerage;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.platform.web.WorkbenchPanel;
import org.springframework.stereotype.Component;

/**
 * "My engagements" on the workbench: those the user runs as manager or takes part in as a party, overdue ones first,
 * then the latest changed. Shown to managers even when empty; to others only when they have engagements.
 */
@Component
class BrokerageWorkbench implements WorkbenchPanel<CurrentUser> {

    static final int SHOWN = 10;

    private final EngagementStore store;
    private final EngagementViews views;
    private final Clock clock;

    BrokerageWorkbench(EngagementStore store, EngagementViews views, Clock clock) {
        this.store = store;
        this.views = views;
        this.clock = clock;
    }

    /** @param total how many engagements the user has, of which {@code cards} are the first */
    record Mine(List<EngagementPages.Card> cards, long total, boolean board) {}

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String messageKey() {
        return "engagements.workbench.heading";
    }

    @Override
    public Optional<Content> render(CurrentUser user, Locale locale) {
        EngagementQuery query = new EngagementQuery(null, null, null, false, clock.instant(), 0, SHOWN);
        // as manager or party only: a station admin follows the station's engagements on the board
        long total = store.countVisible(query, user.id(), false, List.of());
        if (total == 0 && !user.has(Role.MANAGER)) {
            return Optional.empty();
        }
        List<EngagementPages.Card> cards = store.visible(query, user.id(), false, List.of()).stream()
                .map(e -> EngagementPages.card(views.of(e, user)))
                .toList();
        return Optional.of(new Content("brokerage/workbench", new Mine(cards, total, EngagementPages.seesBoard(user))));
    }
}
