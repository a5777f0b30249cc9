package org.kechuang.knowledge;

import java.util.Locale;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.kechuang.reference.IndustryChains;
import org.kechuang.reference.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The page {@code /briefs}: choose a chain or a province and a period, read the brief, download its tables. */
@Controller
class BriefPages {

    private final Briefs briefs;
    private final IndustryChains chains;
    private final Regions regions;
    private final Problems problems;

    BriefPages(Briefs briefs, IndustryChains chains, Regions regions, Problems problems) {
        this.briefs = briefs;
        this.chains = chains;
        this.regions = regions;
        this.problems = problems;
    }

    @GetMapping("/briefs")
    String brief(
            @RequestParam(required = false) String chain,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "90") int period,
            Locale locale,
            Model model) {
        model.addAttribute("chains", chains.all());
        model.addAttribute("provinces", regions.provinces());
        model.addAttribute("periods", Briefs.PERIODS);
        model.addAttribute("period", period);
        model.addAttribute("chain", blankToNull(chain));
        model.addAttribute("region", blankToNull(region));
        model.addAttribute("english", locale.getLanguage().equals("en"));
        try {
            Brief brief = null;
            if (blankToNull(chain) != null) {
                brief = briefs.chain(chain.strip(), period, locale);
            } else if (blankToNull(region) != null) {
                brief = briefs.region(region.strip(), period, locale);
            }
            if (brief != null) {
                String api = "/api/v1/briefs/" + brief.scope() + "/" + brief.code();
                model.addAttribute("brief", brief);
                model.addAttribute("jsonUrl", link(api, period));
                model.addAttribute("csvUrl", link(api + ".csv", period));
            }
        } catch (DomainException refused) {
            model.addAttribute("refusal", problems.message(refused.key(), refused.args(), locale));
        }
        return "knowledge/briefs";
    }

    private static String link(String path, int period) {
        return UriComponentsBuilder.fromPath(path)
                .queryParam("period", period)
                .build()
                .toUriString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
