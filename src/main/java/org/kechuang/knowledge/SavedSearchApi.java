package org.kechuang.knowledge;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.kechuang.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's saved searches: another user's answer 404, as unknown ones. */
@RestController
@RequestMapping("/api/v1/saved-searches")
class SavedSearchApi {

    private final SavedSearches savedSearches;

    SavedSearchApi(SavedSearches savedSearches) {
        this.savedSearches = savedSearches;
    }

    /**
     * @param notifyMe new matches are delivered to the inbox
     * @param digest {@code DAILY}, {@code WEEKLY} or {@code NEVER}: how often they are also mailed
     */
    record SavedSearchRequest(
            String name,
            String q,
            String type,
            String industry,
            String chain,
            String region,
            Integer trl,
            Boolean notifyMe,
            String digest) {}

    /** New settings: the search itself does not change (save another one instead). */
    record SettingsRequest(String name, Boolean notifyMe, String digest) {}

    /** @param href the results page of the search */
    record SavedSearchResource(
            long id,
            String name,
            String q,
            String type,
            String industry,
            String chain,
            String region,
            Integer trl,
            boolean notifyMe,
            String digest,
            String href,
            Instant createdAt) {

        static SavedSearchResource of(SavedSearch search) {
            Criteria c = search.criteria();
            return new SavedSearchResource(
                    search.id(),
                    search.name(),
                    c.q(),
                    c.type(),
                    c.industry(),
                    c.chain(),
                    c.region(),
                    c.trl(),
                    search.notifyMe(),
                    search.digest().name(),
                    c.href(),
                    search.createdAt());
        }
    }

    @GetMapping
    List<SavedSearchResource> list(@AuthenticationPrincipal CurrentUser user) {
        return savedSearches.of(user.id()).stream().map(SavedSearchResource::of).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SavedSearchResource> save(
            @RequestBody SavedSearchRequest request, @AuthenticationPrincipal CurrentUser user, Locale locale) {
        SavedSearch saved = savedSearches.save(
                user.id(),
                new Criteria(
                        request.q(),
                        request.type(),
                        request.industry(),
                        request.chain(),
                        request.region(),
                        request.trl()),
                new SavedSearches.Settings(
                        request.name(), Boolean.TRUE.equals(request.notifyMe()), Digest.parse(request.digest())),
                locale);
        return ResponseEntity.created(URI.create("/api/v1/saved-searches/" + saved.id()))
                .body(SavedSearchResource.of(saved));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    SavedSearchResource change(
            @PathVariable long id,
            @RequestBody SettingsRequest request,
            @AuthenticationPrincipal CurrentUser user,
            Locale locale) {
        return SavedSearchResource.of(savedSearches.change(
                user.id(),
                id,
                new SavedSearches.Settings(
                        request.name(), Boolean.TRUE.equals(request.notifyMe()), Digest.parse(request.digest())),
                locale));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
        savedSearches.delete(user.id(), id);
    }
}
