package org.kechuang.demand;

import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.kechuang.organization.Organizations;
import org.kechuang.organization.Stations;
import org.kechuang.reference.Industries;
import org.kechuang.reference.IndustryChains;
import org.kechuang.reference.Region;
import org.kechuang.reference.Regions;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns a demand into what a user may see of it, with the names of its codes in the user's language. */
@Component
class DemandViews {

    private final DemandCatalog catalog;
    private final Regions regions;
    private final Industries industries;
    private final IndustryChains chains;
    private final Organizations organizations;
    private final Stations stations;
    private final MessageSource messages;

    DemandViews(
            DemandCatalog catalog,
            Regions regions,
            Industries industries,
            IndustryChains chains,
            Organizations organizations,
            Stations stations,
            MessageSource messages) {
        this.catalog = catalog;
        this.regions = regions;
        this.industries = industries;
        this.chains = chains;
        this.organizations = organizations;
        this.stations = stations;
        this.messages = messages;
    }

    /** The completeness of the content with each suggestion's message in the reader's language. */
    DemandResource.CompletenessView completeness(DemandContent content, Locale locale) {
        Completeness completeness = DemandCompleteness.of(content);
        return new DemandResource.CompletenessView(
                completeness.score(),
                completeness.suggestions().stream()
                        .map(s -> new DemandResource.SuggestionView(
                                s.field(), s.key(), messages.getMessage(s.key(), null, locale)))
                        .toList());
    }

    DemandResource of(Demand demand, CurrentUser user, Locale locale) {
        DemandContent content = demand.content();
        boolean english = locale != null && locale.getLanguage().equals("en");
        boolean everything = DemandAccess.seesEverything(user, demand);
        String industryName = content.industryCode() == null
                ? null
                : industries
                        .find(content.industryCode())
                        .map(found -> english && found.nameEn() != null ? found.nameEn() : found.name())
                        .orElse(null);
        String nodeName = content.chainNodeCode() == null
                ? null
                : chains.findNode(content.chainNodeCode())
                        .map(node -> english && node.nameEn() != null ? node.nameEn() : node.name())
                        .orElse(null);
        String regionName = content.regionCode() == null ? null : regionPath(content.regionCode());
        var contact = DemandAccess.maySeeContact(user, demand)
                ? new DemandResource.Contact(
                        content.contact().person(),
                        content.contact().phone(),
                        content.contact().email())
                : null;
        return new DemandResource(
                demand.id(),
                content.title(),
                content.background(),
                content.technicalProblems(),
                content.targetIndicators(),
                content.industryCode(),
                industryName,
                content.chainNodeCode(),
                nodeName,
                content.applicationScenario(),
                content.regionCode(),
                regionName,
                content.cooperationModes().stream().sorted().toList(),
                content.budgetMin(),
                content.budgetMax(),
                content.deadline(),
                content.confidential(),
                contact,
                content.organizationId(),
                content.organizationId() == null
                        ? null
                        : organizations
                                .find(content.organizationId())
                                .map(Organizations.OrganizationSummary::name)
                                .orElse(null),
                demand.stationId(),
                demand.stationId() == null
                        ? null
                        : stations.find(demand.stationId())
                                .map(Stations.StationSummary::name)
                                .orElse(null),
                demand.status(),
                everything ? demand.returnReason() : null,
                everything && demand.returnReason() != null ? demand.questionsBy() != null : null,
                everything ? demand.held() : null,
                catalog.isStale(demand),
                new DemandResource.Source(
                        demand.provenance().sourceSystem(),
                        demand.provenance().sourceId(),
                        demand.provenance().importBatchId()),
                demand.createdAt(),
                demand.updatedAt(),
                demand.version(),
                DemandAccess.maySeeCompleteness(user, demand) ? completeness(content, locale) : null);
    }

    private String regionPath(String code) {
        var path = regions.path(code);
        if (path.isEmpty()) {
            return code;
        }
        return String.join(" · ", path.stream().map(Region::name).toList());
    }
}
