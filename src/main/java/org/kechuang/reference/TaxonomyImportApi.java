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

/** Operators load the full code lists; a refused list answers 400 with every wrong row. */
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
    ImportReport importIndustries(@RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        return importer.importIndustries(bytes(file));
    }

    @PostMapping(path = "/disciplines/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('OPERATOR')")
    ImportReport importDisciplines(@RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        return importer.importDisciplines(bytes(file));
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
