package org.kechuang.reference;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kechuang.platform.web.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reference data, readable by everyone, visitors included. */
@RestController
@RequestMapping("/api/v1/reference")
class ReferenceApi {

    private final Regions regions;
    private final JdbcIndustries industries;
    private final JdbcDisciplines disciplines;
    private final IndustryChains chains;

    ReferenceApi(Regions regions, JdbcIndustries industries, JdbcDisciplines disciplines, IndustryChains chains) {
        this.regions = regions;
        this.industries = industries;
        this.disciplines = disciplines;
        this.chains = chains;
    }

    /** The provinces, or the divisions directly under {@code parent}. */
    @GetMapping("/regions")
    List<Region> regions(@RequestParam(required = false) String parent) {
        if (parent == null || parent.isBlank()) {
            return regions.provinces();
        }
        Region region = existingRegion(parent);
        return regions.children(region.code());
    }

    @GetMapping("/regions/{code}")
    RegionDetail region(@PathVariable String code) {
        Region region = existingRegion(code);
        return new RegionDetail(
                region.code(), region.name(), region.level(), region.parentCode(), regions.path(region.code()));
    }

    /** The sections, or the industries under {@code parent}, or all of one {@code level}, or both filters. */
    @GetMapping("/industries")
    List<Industry> industries(
            @RequestParam(required = false) String parent, @RequestParam(required = false) String level) {
        IndustryLevel wanted = level == null || level.isBlank() ? null : level(level);
        if (parent == null || parent.isBlank()) {
            return industries.atLevel(wanted == null ? IndustryLevel.SECTION : wanted);
        }
        Industry industry = industry(parent);
        return industries.children(industry.code()).stream()
                .filter(child -> wanted == null || child.level() == wanted)
                .toList();
    }

    @GetMapping("/industries/{code}")
    Industry industry(@PathVariable String code) {
        return industries.find(code).orElseThrow(() -> DomainException.notFound("reference.industry.not-found", code));
    }

    /** The NSFC departments, or the disciplines under {@code parent}. */
    @GetMapping("/disciplines")
    List<Discipline> disciplines(@RequestParam(required = false) String parent) {
        if (parent == null || parent.isBlank()) {
            return disciplines.departments();
        }
        return disciplines.children(discipline(parent).code());
    }

    @GetMapping("/disciplines/{code}")
    Discipline discipline(@PathVariable String code) {
        return disciplines
                .find(code)
                .orElseThrow(() -> DomainException.notFound("reference.discipline.not-found", code));
    }

    @GetMapping("/strategic-industries")
    List<StrategicIndustry> strategicIndustries() {
        return disciplines.strategicIndustries();
    }

    @GetMapping("/chains")
    List<ChainSummary> chains() {
        return chains.all().stream()
                .map(chain -> new ChainSummary(
                        chain.code(),
                        chain.name(),
                        chain.nameEn(),
                        chain.nodes().size()))
                .toList();
    }

    @GetMapping("/chains/{code}")
    ChainDetail chain(@PathVariable String code) {
        IndustryChain chain =
                chains.find(code).orElseThrow(() -> DomainException.notFound("reference.chain.not-found", code));
        Map<String, Industry> named = named(chain);
        List<StageNodes> stages = Arrays.stream(ChainStage.values())
                .map(stage -> new StageNodes(
                        stage,
                        chain.nodes(stage).stream()
                                .map(node -> new NodeDetail(
                                        node.code(),
                                        node.name(),
                                        node.nameEn(),
                                        node.industryCodes().stream()
                                                .map(industry -> IndustryName.of(industry, named.get(industry)))
                                                .toList()))
                                .toList()))
                .toList();
        return new ChainDetail(chain.code(), chain.name(), chain.nameEn(), stages);
    }

    private Map<String, Industry> named(IndustryChain chain) {
        List<String> codes = chain.nodes().stream()
                .flatMap(node -> node.industryCodes().stream())
                .distinct()
                .toList();
        return codes.stream()
                .map(industries::find)
                .flatMap(Optional::stream)
                .collect(Collectors.toMap(Industry::code, Function.identity()));
    }

    private Region existingRegion(String code) {
        return regions.find(code).orElseThrow(() -> DomainException.notFound("reference.region.not-found", code));
    }

    private static IndustryLevel level(String level) {
        String normalized = Codes.normalized(level);
        for (IndustryLevel candidate : IndustryLevel.values()) {
            if (candidate.name().equals(normalized)
                    || String.valueOf(candidate.depth()).equals(normalized)) {
                return candidate;
            }
        }
        throw DomainException.invalid("level", "reference.industry.level.unknown", level);
    }

    record RegionDetail(String code, String name, int level, String parentCode, List<Region> path) {}

    record ChainSummary(String code, String name, String nameEn, int nodeCount) {}

    record ChainDetail(String code, String name, String nameEn, List<StageNodes> stages) {}

    record StageNodes(ChainStage stage, List<NodeDetail> nodes) {}

    record NodeDetail(String code, String name, String nameEn, List<IndustryName> industries) {}

    /** An industry a node links to; without names while the code awaits the full list's import. */
    record IndustryName(String code, String name, String nameEn) {

        static IndustryName of(String code, Industry industry) {
            return industry == null
                    ? new IndustryName(code, null, null)
                    : new IndustryName(code, industry.name(), industry.nameEn());
        }
    }
}
