package org.kechuang.reference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP as a browser does it (cookies, CSRF field of the form) or as an API client does it (bearer token). */
final class WebClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http;

    WebClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    /** Signs in through the sign-in form; the session cookie stays with this client. */
    void signIn(String username, String password) {
        Element form = form("/login", "#login-form");
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(form.attr("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        urlEncoded(Map.of("username", username, "password", password, "_csrf", csrf(form)))))
                .build());
        if (response.statusCode() != 302
                || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("sign-in of " + username + " failed: " + response.statusCode());
        }
    }

    /** An API token of the account, as issued by the token endpoint. */
    String token(String username, String password) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build());
        if (response.statusCode() != 201) {
            throw new AssertionError("no token for " + username + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("token").stringValue();
    }

    /** Submits the upload form found by {@code selector} on {@code page} with {@code file} as its file field. */
    HttpResponse<String> upload(String page, String selector, String fileName, byte[] file) {
        Element form = form(page, selector);
        return send(multipart(uri(form.attr("action")), Map.of("_csrf", csrf(form)), fileName, file)
                .header("Accept", "text/html")
                .build());
    }

    /** Posts {@code file} as the multipart field {@code file}, with a bearer token if one is given. */
    HttpResponse<String> postFile(String path, String token, String language, String fileName, byte[] file) {
        HttpRequest.Builder request = multipart(uri(path), Map.of(), fileName, file);
        request.header("Accept-Language", language);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private HttpRequest.Builder multipart(URI target, Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "----kechuang" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(target)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private Element form(String page, String selector) {
        HttpResponse<String> response = get(page);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + page + " answered " + response.statusCode());
        }
        Document document = Jsoup.parse(response.body(), base + page);
        Element form = document.selectFirst(selector);
        if (form == null) {
            throw new AssertionError("no form " + selector + " on " + page);
        }
        return form;
    }

    private static String csrf(Element form) {
        Element field = form.selectFirst("input[name=_csrf]");
        return field == null ? "" : field.val();
    }

    private static String urlEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("HTTP " + request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
