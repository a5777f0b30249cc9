package org.kechuang.reference;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public reference-data page: industry chains with their nodes, the industry sections and divisions, disciplines,
 * strategic emerging industries and a region browser. The region browser works through plain links; with htmx only
 * the browser is swapped instead of the whole page.
 */
@Controller
class ReferencePage {

    private final Regions regions;
    private final JdbcIndustries industries;
    private final JdbcDisciplines disciplines;
    private final IndustryChains chains;

    ReferencePage(Regions regions, JdbcIndustries industries, JdbcDisciplines disciplines, IndustryChains chains) {
        this.regions = regions;
        this.industries = industries;
        this.disciplines = disciplines;
        this.chains = chains;
    }

    @GetMapping("/reference")
    String page(@RequestParam(required = false) String region, Model model) {
        model.addAttribute("chains", chains.all());
        model.addAttribute("stages", ChainStage.values());
        model.addAttribute("industryNames", industryNames());
        Map<String, List<Industry>> divisions = industries.atLevel(IndustryLevel.DIVISION).stream()
                .collect(Collectors.groupingBy(Industry::parentCode));
        model.addAttribute(
                "sections",
                industries.atLevel(IndustryLevel.SECTION).stream()
                        .map(section -> new Section(section, divisions.getOrDefault(section.code(), List.of())))
                        .toList());
        model.addAttribute("departments", disciplines.departments());
        model.addAttribute("strategicIndustries", disciplines.strategicIndustries());
        regionBrowser(region, model);
        return "reference";
    }

    /** The region browser alone, for htmx. */
    @GetMapping(path = "/reference/regions")
    String regions(@RequestParam(required = false) String region, Model model) {
        regionBrowser(region, model);
        return "reference :: regions";
    }

    private void regionBrowser(String code, Model model) {
        if (code == null || code.isBlank()) {
            model.addAttribute("regionPath", List.of());
            model.addAttribute("regions", regions.provinces());
            return;
        }
        Region region =
                regions.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "region"));
        model.addAttribute("regionPath", regions.path(region.code()));
        model.addAttribute("regions", regions.children(region.code()));
    }

    private Map<String, Industry> industryNames() {
        return chains.all().stream()
                .flatMap(chain -> chain.nodes().stream())
                .flatMap(node -> node.industryCodes().stream())
                .distinct()
                .map(industries::find)
                .flatMap(java.util.Optional::stream)
                .collect(Collectors.toMap(Industry::code, industry -> industry));
    }

    record Section(Industry section, List<Industry> divisions) {}
}
