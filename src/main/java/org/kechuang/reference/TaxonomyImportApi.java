package org.kechuang.reference;

import java.io.IOException;
import java.util.Locale;
import org.kechuang.platform.web.DomainException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Operators load the full code lists; an accepted list answers with its counts and the rows corrected on the way in,
 * a refused one 400 with every wrong row.
 */
@RestController
@RequestMapping("/api/v1/reference/taxonomies")
class TaxonomyImportApi {

    private final TaxonomyImporter importer;
    private final ImportProblems problems;

    TaxonomyImportApi(TaxonomyImporter importer, ImportProblems problems) {
        this.importer = importer;
        this.problems = problems;
    }

    @PostMapping(path = "/industries/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('OPERATOR')")
    ImportProblems.Outcome importIndustries(
            @RequestParam(name = "file", required = false) MultipartFile file, Locale locale) throws IOException {
        return problems.outcome(importer.importIndustries(bytes(file)), locale);
    }

    @PostMapping(path = "/disciplines/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('OPERATOR')")
    ImportProblems.Outcome importDisciplines(
            @RequestParam(name = "file", required = false) MultipartFile file, Locale locale) throws IOException {
        return problems.outcome(importer.importDisciplines(bytes(file)), locale);
    }

    /** A missing part is refused here so that it carries a key like every other refusal. */
    private static byte[] bytes(MultipartFile file) throws IOException {
        if (file == null) {
            throw DomainException.invalid("file", "required", "file");
        }
        return file.getBytes();
    }

    @ExceptionHandler(TaxonomyImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(TaxonomyImportRejected rejected, Locale locale) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(rejected, locale));
    }
}
