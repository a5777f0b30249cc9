package org.kechuang.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Briefs per industry chain and per province, as JSON and as CSV of their tables; open to everyone. */
@RestController
@RequestMapping("/api/v1/briefs")
class BriefApi {

    private final Briefs briefs;
    private final BriefCsv csv;

    BriefApi(Briefs briefs, BriefCsv csv) {
        this.briefs = briefs;
        this.csv = csv;
    }

    /**
     * @param code a built-in industry chain ({@code IC}, {@code NEV}, …)
     * @param period days: 30, 90 or 365
     */
    @GetMapping("/chain/{code}")
    Brief chain(@PathVariable String code, @RequestParam(defaultValue = "90") int period, Locale locale) {
        return briefs.chain(code, period, locale);
    }

    /**
     * @param code a province (GB/T 2260, {@code 330000})
     * @param period days: 30, 90 or 365
     */
    @GetMapping("/region/{code}")
    Brief region(@PathVariable String code, @RequestParam(defaultValue = "90") int period, Locale locale) {
        return briefs.region(code, period, locale);
    }

    @GetMapping("/chain/{code}.csv")
    ResponseEntity<byte[]> chainCsv(
            @PathVariable String code, @RequestParam(defaultValue = "90") int period, Locale locale) {
        return download(briefs.chain(code, period, locale), locale);
    }

    @GetMapping("/region/{code}.csv")
    ResponseEntity<byte[]> regionCsv(
            @PathVariable String code, @RequestParam(defaultValue = "90") int period, Locale locale) {
        return download(briefs.region(code, period, locale), locale);
    }

    private ResponseEntity<byte[]> download(Brief brief, Locale locale) {
        String name = "brief-" + brief.scope() + "-" + brief.code() + "-" + brief.periodDays() + "d.csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(csv.write(brief, locale));
    }
}
