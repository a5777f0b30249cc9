package org.kechuang.brokerage;

import java.util.List;
import java.util.Set;
import org.kechuang.identity.CurrentUser;
import org.kechuang.reference.IndustryChains;
import org.kechuang.reference.Regions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page where a technology manager says which industry chains and provinces they cover. */
@Controller
@PreAuthorize("hasRole('MANAGER')")
class CoveragePages {

    private final ManagerCoverages coverages;
    private final IndustryChains chains;
    private final Regions regions;

    CoveragePages(ManagerCoverages coverages, IndustryChains chains, Regions regions) {
        this.coverages = coverages;
        this.chains = chains;
        this.regions = regions;
    }

    @GetMapping("/engagements/coverage")
    String show(@AuthenticationPrincipal CurrentUser user, Model model) {
        return render(coverages.of(user.id()), false, model);
    }

    @PostMapping("/engagements/coverage")
    String save(
            @RequestParam(name = "chains", required = false) List<String> chainCodes,
            @RequestParam(name = "provinces", required = false) List<String> provinceCodes,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        ManagerCoverages.Coverage saved = coverages.cover(
                user.id(),
                new ManagerCoverages.Coverage(
                        chainCodes == null ? Set.of() : Set.copyOf(chainCodes),
                        provinceCodes == null ? Set.of() : Set.copyOf(provinceCodes)));
        return render(saved, true, model);
    }

    private String render(ManagerCoverages.Coverage coverage, boolean saved, Model model) {
        model.addAttribute("coverage", coverage);
        model.addAttribute("chains", chains.all());
        model.addAttribute("provinces", regions.provinces());
        model.addAttribute("saved", saved);
        return "brokerage/coverage";
    }
}
