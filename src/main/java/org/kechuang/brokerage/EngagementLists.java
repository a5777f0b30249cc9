package org.kechuang.brokerage;

import java.util.List;
import org.kechuang.identity.CurrentUser;

/** A page of the engagements a user may see, for the API and the pages alike. */
final class EngagementLists {

    private EngagementLists() {}

    static EngagementApi.Page page(
            EngagementStore store, EngagementQuery query, CurrentUser user, EngagementViews views) {
        List<Long> stations = List.copyOf(user.administeredStations());
        long total = store.countVisible(query, user.id(), user.isOperator(), stations);
        List<EngagementView> results = store.visible(query, user.id(), user.isOperator(), stations).stream()
                .map(e -> views.of(e, user))
                .toList();
        return new EngagementApi.Page(total, results);
    }
}
