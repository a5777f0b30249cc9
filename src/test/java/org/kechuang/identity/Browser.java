package org.kechuang.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A user agent over real HTTP for integration tests: keeps cookies like a browser, does not follow redirects (tests
 * look at them), and takes the CSRF token from the form it submits, as a browser would.
 */
final class Browser {

    /** What browsers ask for: HTML first, so error pages come as HTML rather than JSON. */
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final String base;
    private final HttpClient http;

    Browser(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    HttpResponse<String> get(String path) {
        return send(
                HttpRequest.newBuilder(uri(path)).header("Accept", ACCEPT).GET().build());
    }

    /**
     * Opens the page, fills the form (by id, or by a CSS selector) and submits it with
     * the form's own hidden fields.
     */
    HttpResponse<String> submit(String pagePath, String form, Map<String, String> fields) {
        HttpResponse<String> page = get(pagePath);
        if (page.statusCode() != 200) {
            throw new AssertionError("GET " + pagePath + " answered " + page.statusCode());
        }
        Document document = Jsoup.parse(page.body(), base + pagePath);
        Element found = form.matches("[\\w-]+") ? document.getElementById(form) : document.selectFirst(form);
        if (found == null) {
            throw new AssertionError("No form " + form + " on " + pagePath + ":\n" + page.body());
        }
        Map<String, String> values = new LinkedHashMap<>();
        found.select("input[type=hidden]").forEach(input -> values.put(input.attr("name"), input.val()));
        values.putAll(fields);
        return post(URI.create(found.absUrl("action")).getPath(), values);
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("HTTP " + request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    static Document html(HttpResponse<String> response) {
        return Jsoup.parse(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
