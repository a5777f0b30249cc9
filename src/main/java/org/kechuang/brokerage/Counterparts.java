package org.kechuang.brokerage;

import java.util.Optional;
import org.kechuang.achievement.Achievements;
import org.kechuang.organization.Organizations;
import org.kechuang.shared.PublicationStatus;
import org.kechuang.talent.Experts;
import org.springframework.stereotype.Component;

/** The counterparts an engagement may bring a demand together with, read from their libraries. */
@Component
class Counterparts {

    private final Achievements achievements;
    private final Experts experts;
    private final Organizations organizations;

    Counterparts(Achievements achievements, Experts experts, Organizations organizations) {
        this.achievements = achievements;
        this.experts = experts;
        this.organizations = organizations;
    }

    /**
     * @param name the achievement's title, the expert's or organization's name
     * @param partyId the account that speaks for the counterpart: the achievement's author, the expert's own account;
     *     null for an organization or an unclaimed, imported record (the manager relays)
     * @param published whether visitors may see it
     */
    record Counterpart(CounterpartType type, long id, String name, Long partyId, boolean published) {}

    Optional<Counterpart> find(CounterpartType type, long id) {
        return switch (type) {
            case ACHIEVEMENT ->
                achievements
                        .particulars(id)
                        .map(a -> new Counterpart(
                                type, id, a.title(), a.authorId(), a.status() == PublicationStatus.PUBLISHED));
            case EXPERT ->
                experts.particulars(id)
                        .map(x -> new Counterpart(
                                type, id, x.name(), x.accountId(), x.status() == PublicationStatus.PUBLISHED));
            case ORGANIZATION -> organizations.find(id).map(o -> new Counterpart(type, id, o.name(), null, true));
        };
    }
}
