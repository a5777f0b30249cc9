package org.kechuang.achievement;

import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.kechuang.organization.Organizations;
import org.kechuang.organization.Stations;
import org.kechuang.reference.Industries;
import org.kechuang.reference.IndustryChains;
import org.kechuang.reference.Region;
import org.kechuang.reference.Regions;
import org.springframework.stereotype.Component;

/** Turns an achievement into what a user may see of it, with the names of its codes in the user's language. */
@Component
class AchievementViews {

    private final Regions regions;
    private final Industries industries;
    private final IndustryChains chains;
    private final Organizations organizations;
    private final Stations stations;

    AchievementViews(
            Regions regions,
            Industries industries,
            IndustryChains chains,
            Organizations organizations,
            Stations stations) {
        this.regions = regions;
        this.industries = industries;
        this.chains = chains;
        this.organizations = organizations;
        this.stations = stations;
    }

    AchievementResource of(Achievement achievement, CurrentUser user, Locale locale) {
        AchievementContent content = achievement.content();
        boolean english = locale != null && locale.getLanguage().equals("en");
        boolean everything = AchievementAccess.seesEverything(user, achievement);
        return new AchievementResource(
                achievement.id(),
                content.title(),
                content.description(),
                content.keywords(),
                content.technologyField(),
                content.disciplineCode(),
                content.industryCode(),
                content.industryCode() == null
                        ? null
                        : industries
                                .find(content.industryCode())
                                .map(found -> english && found.nameEn() != null ? found.nameEn() : found.name())
                                .orElse(null),
                content.chainNodeCode(),
                content.chainNodeCode() == null
                        ? null
                        : chains.findNode(content.chainNodeCode())
                                .map(node -> english && node.nameEn() != null ? node.nameEn() : node.name())
                                .orElse(null),
                content.trl() == null ? null : content.trl().level(),
                content.trl() == null
                        ? null
                        : english ? content.trl().englishName() : content.trl().chineseName(),
                content.patents().stream().map(PatentNumber::canonical).toList(),
                content.transferModes().stream().sorted().toList(),
                content.priceMin(),
                content.priceMax(),
                content.organizationId(),
                content.organizationId() == null
                        ? null
                        : organizations
                                .find(content.organizationId())
                                .map(Organizations.OrganizationSummary::name)
                                .orElse(null),
                content.inventors(),
                content.regionCode(),
                content.regionCode() == null ? null : regionPath(content.regionCode()),
                achievement.stationId(),
                achievement.stationId() == null
                        ? null
                        : stations.find(achievement.stationId())
                                .map(Stations.StationSummary::name)
                                .orElse(null),
                achievement.status(),
                everything ? achievement.returnReason() : null,
                everything ? achievement.held() : null,
                new AchievementResource.Source(
                        achievement.provenance().sourceSystem(),
                        achievement.provenance().sourceId(),
                        achievement.provenance().importBatchId()),
                achievement.createdAt(),
                achievement.updatedAt(),
                achievement.version());
    }

    private String regionPath(String code) {
        var path = regions.path(code);
        if (path.isEmpty()) {
            return code;
        }
        return String.join(" · ", path.stream().map(Region::name).toList());
    }
}
