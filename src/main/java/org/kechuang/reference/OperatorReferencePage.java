package org.kechuang.reference;

import java.io.IOException;
import java.util.Locale;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** Where operators upload the full industry and discipline lists and read what happened, row by row. */
@Controller
@RequestMapping(OperatorReferencePage.PATH)
@PreAuthorize("hasRole('OPERATOR')")
class OperatorReferencePage {

    static final String PATH = "/operator/reference";
    static final String AUTHORITY = "ROLE_OPERATOR";

    private final TaxonomyImporter importer;
    private final ImportProblems importProblems;
    private final Problems problems;
    private final JdbcIndustries industries;
    private final JdbcDisciplines disciplines;

    OperatorReferencePage(
            TaxonomyImporter importer,
            ImportProblems importProblems,
            Problems problems,
            JdbcIndustries industries,
            JdbcDisciplines disciplines) {
        this.importer = importer;
        this.importProblems = importProblems;
        this.problems = problems;
        this.industries = industries;
        this.disciplines = disciplines;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("industryCount", industries.count());
        model.addAttribute("disciplineCount", disciplines.count());
        return "operator-reference";
    }

    @PostMapping("/{taxonomy}")
    String upload(
            @PathVariable String taxonomy,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Locale locale,
            Model model)
            throws IOException {
        if (!taxonomy.equals("industries") && !taxonomy.equals("disciplines")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("taxonomy", taxonomy);
        try {
            byte[] bytes = file == null ? new byte[0] : file.getBytes();
            ImportReport report = taxonomy.equals("industries")
                    ? importer.importIndustries(bytes)
                    : importer.importDisciplines(bytes);
            model.addAttribute("report", importProblems.outcome(report, locale));
        } catch (TaxonomyImportRejected rejected) {
            model.addAttribute("rejection", importProblems.summary(rejected, locale));
            model.addAttribute("rowErrors", importProblems.errors(rejected, locale));
        } catch (DomainException refused) {
            model.addAttribute("fileError", problems.message(refused.key(), refused.args(), locale));
        }
        return page(model);
    }
}
