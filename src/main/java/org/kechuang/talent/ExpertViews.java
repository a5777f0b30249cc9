package org.kechuang.talent;

import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.kechuang.organization.Organizations;
import org.kechuang.organization.Stations;
import org.kechuang.reference.Region;
import org.kechuang.reference.Regions;
import org.springframework.stereotype.Component;

/** Turns a profile into what a user may see of it, with the names of its codes and societies. */
@Component
class ExpertViews {

    private final Regions regions;
    private final Organizations organizations;
    private final Stations stations;

    ExpertViews(Regions regions, Organizations organizations, Stations stations) {
        this.regions = regions;
        this.organizations = organizations;
        this.stations = stations;
    }

    ExpertResource of(Expert expert, CurrentUser user, Locale locale) {
        ExpertContent content = expert.content();
        boolean everything = ExpertAccess.seesEverything(user, expert);
        Consent consent = expert.consent();
        return new ExpertResource(
                expert.id(),
                content.name(),
                content.affiliation(),
                content.title(),
                content.disciplineCodes(),
                content.researchFields(),
                content.keywords(),
                content.regionCode(),
                content.regionCode() == null ? null : regionPath(content.regionCode()),
                content.societyIds().stream()
                        .map(id -> new ExpertResource.Society(
                                id,
                                organizations
                                        .find(id)
                                        .map(Organizations.OrganizationSummary::name)
                                        .orElse(null)))
                        .toList(),
                content.youngTalent(),
                content.overseas(),
                content.availability(),
                content.introduction(),
                ExpertAccess.maySeeContact(user, expert) && content.hasContact()
                        ? new ExpertResource.Contact(content.phone(), content.email())
                        : null,
                expert.claimed(),
                expert.contactConsented(),
                everything && consent != null
                        ? new ExpertResource.ConsentShown(
                                consent.scope(), consent.basis(), consent.recordedBy(), consent.at())
                        : null,
                expert.stationId(),
                expert.stationId() == null
                        ? null
                        : stations.find(expert.stationId())
                                .map(Stations.StationSummary::name)
                                .orElse(null),
                expert.status(),
                everything ? expert.returnReason() : null,
                everything ? expert.held() : null,
                new ExpertResource.Source(
                        expert.provenance().sourceSystem(),
                        expert.provenance().sourceId(),
                        expert.provenance().importBatchId()),
                expert.createdAt(),
                expert.updatedAt(),
                expert.version());
    }

    private String regionPath(String code) {
        var path = regions.path(code);
        if (path.isEmpty()) {
            return code;
        }
        return String.join(" · ", path.stream().map(Region::name).toList());
    }
}
