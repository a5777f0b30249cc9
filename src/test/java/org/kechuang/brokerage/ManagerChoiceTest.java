package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManagerChoiceTest {

    private static ManagerChoice.Candidate manager(long id, Set<String> chains, Set<String> provinces, long load) {
        return new ManagerChoice.Candidate(id, chains, provinces, load);
    }

    @Test
    void prefersTheManagerCoveringTheChainOverOneCoveringOnlyTheProvince() {
        var choice = ManagerChoice.choose(
                List.of(manager(1, Set.of(), Set.of("33"), 0), manager(2, Set.of("ev"), Set.of(), 5)), "ev", "33");
        assertThat(choice).get().extracting(ManagerChoice.Choice::accountId).isEqualTo(2L);
        assertThat(choice.get().coversChain()).isTrue();
        assertThat(choice.get().coversProvince()).isFalse();
    }

    @Test
    void amongEquallyFittingManagersTheOneWithTheFewestOpenCasesGetsIt() {
        var choice = ManagerChoice.choose(
                List.of(manager(1, Set.of("ev"), Set.of("33"), 4), manager(2, Set.of("ev"), Set.of("33"), 1)),
                "ev",
                "33");
        assertThat(choice).get().extracting(ManagerChoice.Choice::accountId).isEqualTo(2L);
    }

    @Test
    void chainAndProvinceTogetherBeatTheChainAlone() {
        var choice = ManagerChoice.choose(
                List.of(manager(1, Set.of("ev"), Set.of(), 0), manager(2, Set.of("ev"), Set.of("33"), 3)), "ev", "33");
        assertThat(choice).get().extracting(ManagerChoice.Choice::accountId).isEqualTo(2L);
    }

    @Test
    void withoutAnyCoverageTheLeastLoadedThenTheLowestIdIsChosen() {
        var choice = ManagerChoice.choose(
                List.of(
                        manager(3, Set.of(), Set.of(), 2),
                        manager(2, Set.of(), Set.of(), 2),
                        manager(1, Set.of(), Set.of(), 7)),
                null,
                null);
        assertThat(choice).get().extracting(ManagerChoice.Choice::accountId).isEqualTo(2L);
    }

    @Test
    void nobodyToChooseFromGivesNoChoice() {
        assertThat(ManagerChoice.choose(List.of(), "ev", "33")).isEmpty();
    }
}
