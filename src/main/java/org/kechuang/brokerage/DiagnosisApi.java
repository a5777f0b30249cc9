package org.kechuang.brokerage;

import java.util.List;
import java.util.Locale;
import org.kechuang.demand.Completeness;
import org.kechuang.demand.Demands;
import org.kechuang.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Demands under diagnosis: the manager's list, the author's request for help, the manager's questions and close. */
@RestController
@RequestMapping("/api/v1/diagnoses")
@PreAuthorize("isAuthenticated()")
class DiagnosisApi {

    private final Diagnoses diagnoses;
    private final Demands demands;
    private final MessageSource messages;

    DiagnosisApi(Diagnoses diagnoses, Demands demands, MessageSource messages) {
        this.diagnoses = diagnoses;
        this.demands = demands;
        this.messages = messages;
    }

    record Request(Long demandId, Long managerId) {}

    record Questions(String questions) {}

    record Suggestion(String field, String message) {}

    record DiagnosisView(
            long demandId,
            String title,
            String status,
            String reason,
            long managerId,
            Integer completeness,
            List<Suggestion> suggestions,
            java.time.Instant assignedAt) {}

    @GetMapping
    @PreAuthorize("hasAnyRole('MANAGER', 'OPERATOR')")
    List<DiagnosisView> list(
            @RequestParam(required = false) Long managerId, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        return diagnoses.list(user, managerId).stream()
                .map(d -> view(d, locale))
                .toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DiagnosisView request(@RequestBody Request request, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        if (request.demandId() == null) {
            throw new EngagementRefused(List.of(new Violation("demandId", "engagement.demand.required")));
        }
        return view(diagnoses.request(request.demandId(), request.managerId(), user), locale);
    }

    @PostMapping("/{demandId}/questions")
    DiagnosisView question(
            @PathVariable long demandId,
            @RequestBody Questions questions,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        return view(diagnoses.question(demandId, questions.questions(), user), locale);
    }

    @PostMapping("/{demandId}/done")
    DiagnosisView done(@PathVariable long demandId, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        return view(diagnoses.done(demandId, user), locale);
    }

    DiagnosisView view(Diagnoses.Diagnosis d, Locale locale) {
        String title = demands.particulars(d.demandId())
                .map(Demands.Particulars::title)
                .orElse("#" + d.demandId());
        Completeness completeness = demands.completeness(d.demandId()).orElse(null);
        return new DiagnosisView(
                d.demandId(),
                title,
                d.status().name(),
                d.reason().name(),
                d.managerId(),
                completeness == null ? null : completeness.score(),
                completeness == null
                        ? List.of()
                        : completeness.suggestions().stream()
                                .map(s ->
                                        new Suggestion(s.field(), messages.getMessage(s.key(), null, s.key(), locale)))
                                .toList(),
                d.assignedAt());
    }
}
