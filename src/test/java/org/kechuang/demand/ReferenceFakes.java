package org.kechuang.demand;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kechuang.organization.OrganizationDraft;
import org.kechuang.organization.OrganizationType;
import org.kechuang.organization.Organizations;
import org.kechuang.reference.ChainNode;
import org.kechuang.reference.ChainStage;
import org.kechuang.reference.Industries;
import org.kechuang.reference.Industry;
import org.kechuang.reference.IndustryChain;
import org.kechuang.reference.IndustryChains;
import org.kechuang.reference.IndustryLevel;
import org.kechuang.reference.Region;
import org.kechuang.reference.Regions;

/** A few real codes of the built-in reference data, in memory, for the rules' unit tests. */
final class ReferenceFakes {

    private ReferenceFakes() {}

    static final Map<String, Region> REGIONS = Map.of(
            "330000", new Region("330000", "浙江省", 1, null),
            "330100", new Region("330100", "杭州市", 2, "330000"),
            "110108", new Region("110108", "海淀区", 3, "110100"));

    static final Map<String, Industry> INDUSTRIES = Map.of(
            "C", new Industry("C", IndustryLevel.SECTION, "制造业", "Manufacturing", null, null),
            "39", new Industry("39", IndustryLevel.DIVISION, "计算机、通信和其他电子设备制造业", null, "C", null));

    static final ChainNode EDA =
            new ChainNode("IC-UP-EDA", "IC", ChainStage.UPSTREAM, "EDA 工具", "EDA", 1, List.of("6513"));

    static Regions regions() {
        return new Regions() {
            @Override
            public Optional<Region> find(String code) {
                return Optional.ofNullable(REGIONS.get(code));
            }

            @Override
            public List<Region> path(String code) {
                return find(code).map(List::of).orElse(List.of());
            }

            @Override
            public List<Region> children(String parentCode) {
                return List.of();
            }

            @Override
            public List<Region> provinces() {
                return List.of(REGIONS.get("330000"));
            }
        };
    }

    static Industries industries() {
        return new Industries() {
            @Override
            public Optional<Industry> find(String code) {
                return Optional.ofNullable(INDUSTRIES.get(code.toUpperCase(java.util.Locale.ROOT)));
            }

            @Override
            public boolean exists(String code) {
                return find(code).isPresent();
            }
        };
    }

    static IndustryChains chains() {
        return new IndustryChains() {
            @Override
            public List<IndustryChain> all() {
                return List.of(new IndustryChain("IC", "集成电路", "Integrated circuits", List.of(EDA)));
            }

            @Override
            public Optional<IndustryChain> find(String chainCode) {
                return all().stream().filter(c -> c.code().equals(chainCode)).findFirst();
            }

            @Override
            public Optional<ChainNode> findNode(String nodeCode) {
                return EDA.code().equals(nodeCode) ? Optional.of(EDA) : Optional.empty();
            }
        };
    }

    /** Knows organization 7 only. */
    static Organizations organizations() {
        return new Organizations() {
            @Override
            public Optional<OrganizationSummary> find(long id) {
                return id == 7
                        ? Optional.of(
                                new OrganizationSummary(7, "宁波某机械有限公司", OrganizationType.ENTERPRISE, "330200", null))
                        : Optional.empty();
            }

            @Override
            public long count() {
                return 1;
            }

            @Override
            public OrganizationSummary registerForPlatform(OrganizationDraft draft, Long stationId) {
                throw new UnsupportedOperationException("not needed by the rules");
            }
        };
    }
}
