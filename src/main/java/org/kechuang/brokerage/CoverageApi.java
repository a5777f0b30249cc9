package org.kechuang.brokerage;

import org.kechuang.identity.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A technology manager's own coverage (chains and provinces), which triage reads. */
@RestController
@RequestMapping("/api/v1/managers/me/coverage")
@PreAuthorize("hasRole('MANAGER')")
class CoverageApi {

    private final ManagerCoverages coverages;

    CoverageApi(ManagerCoverages coverages) {
        this.coverages = coverages;
    }

    @GetMapping
    ManagerCoverages.Coverage get(@AuthenticationPrincipal CurrentUser user) {
        return coverages.of(user.id());
    }

    @PutMapping
    ManagerCoverages.Coverage put(
            @RequestBody ManagerCoverages.Coverage coverage, @AuthenticationPrincipal CurrentUser user) {
        return coverages.cover(user.id(), coverage);
    }
}
