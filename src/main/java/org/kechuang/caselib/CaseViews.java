package org.kechuang.caselib;

import java.util.Locale;
import java.util.Objects;
import org.kechuang.achievement.Achievements;
import org.kechuang.demand.Demands;
import org.kechuang.identity.CurrentUser;
import org.kechuang.organization.Stations;
import org.kechuang.reference.Industries;
import org.kechuang.reference.IndustryChains;
import org.kechuang.reference.Region;
import org.kechuang.reference.Regions;
import org.kechuang.shared.PublicationStatus;
import org.kechuang.talent.Experts;
import org.springframework.stereotype.Component;

/** Turns a case into what a user may see of it, with the names of its codes and the titles of its links. */
@Component
class CaseViews {

    private final Regions regions;
    private final Industries industries;
    private final IndustryChains chains;
    private final Stations stations;
    private final Demands demands;
    private final Achievements achievements;
    private final Experts experts;

    CaseViews(
            Regions regions,
            Industries industries,
            IndustryChains chains,
            Stations stations,
            Demands demands,
            Achievements achievements,
            Experts experts) {
        this.regions = regions;
        this.industries = industries;
        this.chains = chains;
        this.stations = stations;
        this.demands = demands;
        this.achievements = achievements;
        this.experts = experts;
    }

    CaseResource of(ApplicationCase found, CurrentUser user, Locale locale) {
        CaseContent content = found.content();
        boolean english = locale != null && locale.getLanguage().equals("en");
        boolean everything = CaseAccess.seesEverything(user, found);
        return new CaseResource(
                found.id(),
                content.title(),
                content.problem(),
                content.solution(),
                content.parties().stream()
                        .map(p -> new CaseResource.PartyShown(p.role(), p.organizationId(), p.name()))
                        .toList(),
                content.figures().stream()
                        .map(f -> new CaseResource.FigureShown(
                                f.name(),
                                f.value(),
                                f.unit(),
                                f.kind(),
                                f.value().stripTrailingZeros().toPlainString() + " " + f.unit()))
                        .toList(),
                content.keywords(),
                content.industryCode(),
                content.industryCode() == null
                        ? null
                        : industries
                                .find(content.industryCode())
                                .map(i -> english && i.nameEn() != null ? i.nameEn() : i.name())
                                .orElse(null),
                content.chainNodeCode(),
                content.chainNodeCode() == null
                        ? null
                        : chains.findNode(content.chainNodeCode())
                                .map(node -> english && node.nameEn() != null ? node.nameEn() : node.name())
                                .orElse(null),
                content.regionCode(),
                content.regionCode() == null ? null : regionPath(content.regionCode()),
                content.demandId() == null
                        ? null
                        : demands.summary(content.demandId())
                                .filter(d -> everything || d.status() == PublicationStatus.PUBLISHED)
                                .map(d -> new CaseResource.Link(d.id(), d.title()))
                                .orElse(null),
                content.achievementId() == null
                        ? null
                        : achievements
                                .summary(content.achievementId())
                                .filter(a -> everything || a.status() == PublicationStatus.PUBLISHED)
                                .map(a -> new CaseResource.Link(a.id(), a.title()))
                                .orElse(null),
                content.expertIds().stream()
                        .map(id -> experts.summary(id)
                                .filter(e -> everything || e.status() == PublicationStatus.PUBLISHED)
                                .map(e -> new CaseResource.Link(e.id(), e.name()))
                                .orElse(null))
                        .filter(Objects::nonNull)
                        .toList(),
                found.stationId(),
                found.stationId() == null
                        ? null
                        : stations.find(found.stationId())
                                .map(Stations.StationSummary::name)
                                .orElse(null),
                found.status(),
                everything ? found.returnReason() : null,
                everything ? found.held() : null,
                new CaseResource.Source(
                        found.provenance().sourceSystem(),
                        found.provenance().sourceId(),
                        found.provenance().importBatchId()),
                found.createdAt(),
                found.updatedAt(),
                found.version());
    }

    private String regionPath(String code) {
        var path = regions.path(code);
        if (path.isEmpty()) {
            return code;
        }
        return String.join(" · ", path.stream().map(Region::name).toList());
    }
}
