package org.kechuang.brokerage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.kechuang.caselib.CaseDraft;
import org.kechuang.demand.Demands;
import org.kechuang.platform.text.Text;

/**
 * The application case an evaluated engagement proposes, prefilled from its records: the demand's problem, the
 * counterpart's solution, the parties, the measured results as figures with units, the links to the demand and the
 * counterpart, the demand's industry, chain node and region. A confidential engagement's case names no party and links
 * neither the demand nor the counterpart: only an operator (or its author, editing it) may add them.
 *
 * <p>A measured result the case library cannot take as a figure (no unit, a name longer than a figure's, a number
 * beyond its range) is kept in the solution's text instead, so that the proposal never fails on the case rules.
 */
final class ProposedCase {

    static final int TEXT_MAX = 10000;
    static final int FIGURE_NAME_MAX = 50;
    static final int UNIT_MAX = 20;
    static final BigDecimal VALUE_MAX = new BigDecimal("1000000000000");

    private ProposedCase() {}

    /**
     * The supplying side as the case names it.
     *
     * @param name the achievement's title, the expert's or the organization's name
     * @param organizationId the supplying organization on the platform, may be null
     * @param organizationName the supplying organization's name when it is not on the platform (an expert's
     *     affiliation), may be null
     */
    record Supply(String name, Long organizationId, String organizationName) {}

    /**
     * @param text the case's wording, Chinese: a message key and its arguments → the sentence
     */
    static CaseDraft of(
            Engagement e,
            Demands.Particulars demand,
            Demands.Statement statement,
            Supply supply,
            BiFunction<String, Object[], String> text) {
        boolean named = !e.confidential();
        String problem = statement.background();
        if (statement.technicalProblems() != null) {
            problem = problem + "\n\n"
                    + text.apply("outcome.case.problems", new Object[] {statement.technicalProblems()});
        }
        StringBuilder solution = new StringBuilder();
        solution.append(
                named
                        ? text.apply(
                                "outcome.case.solution." + e.counterpartType().code(), new Object[] {supply.name()})
                        : text.apply("outcome.case.solution.confidential", new Object[0]));
        if (e.contract() != null) {
            solution.append(text.apply("outcome.case.contract", new Object[] {
                text.apply(e.contract().type().messageKey(), new Object[0]),
                e.contract().signedOn().getYear(),
                e.contract().signedOn().getMonthValue()
            }));
        }
        if (e.resultsNote() != null) {
            solution.append("\n\n").append(e.resultsNote());
        }
        List<CaseDraft.FigureDraft> figures = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (MeasuredResult measured : e.results()) {
            // the unit is the one field of a result that the engagement did not screen for markup
            MeasuredResult result = Text.hasMarkup(measured.unit())
                    ? new MeasuredResult(measured.indicator(), measured.value(), "")
                    : measured;
            if (fitsAsFigure(result)) {
                figures.add(new CaseDraft.FigureDraft(
                        result.indicator(), result.value().toPlainString(), result.unit(), null));
            } else {
                others.add((result.indicator() + " " + result.value().toPlainString() + " " + result.unit()).strip());
            }
        }
        if (!others.isEmpty()) {
            solution.append("\n\n")
                    .append(text.apply("outcome.case.other-results", new Object[] {String.join("；", others)}));
        }
        List<CaseDraft.PartyDraft> parties = new ArrayList<>();
        if (named) {
            if (demand.organizationId() != null) {
                parties.add(new CaseDraft.PartyDraft("DEMAND_SIDE", demand.organizationId(), null));
            }
            if (supply.organizationId() != null) {
                parties.add(new CaseDraft.PartyDraft("SUPPLY_SIDE", supply.organizationId(), null));
            } else if (supply.organizationName() != null) {
                parties.add(new CaseDraft.PartyDraft("SUPPLY_SIDE", null, supply.organizationName()));
            }
        }
        return new CaseDraft(
                statement.title(),
                cut(problem),
                cut(solution.toString()),
                parties,
                figures,
                List.of(),
                statement.industryCode(),
                demand.chainNodeCode(),
                demand.regionCode(),
                named ? demand.id() : null,
                named && e.counterpartType() == CounterpartType.ACHIEVEMENT ? e.counterpartId() : null,
                named && e.counterpartType() == CounterpartType.EXPERT ? List.of(e.counterpartId()) : List.of(),
                null,
                null);
    }

    static boolean fitsAsFigure(MeasuredResult result) {
        return result.indicator().length() <= FIGURE_NAME_MAX
                && result.unit() != null
                && !result.unit().isBlank()
                && result.unit().length() <= UNIT_MAX
                && result.value().abs().compareTo(VALUE_MAX) <= 0
                && result.value().stripTrailingZeros().scale() <= 6;
    }

    private static String cut(String text) {
        return text.length() <= TEXT_MAX ? text : text.substring(0, TEXT_MAX - 1) + "…";
    }
}
