package org.kechuang.search;

import java.io.ByteArrayOutputStream;
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
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Someone using the platform over real HTTP: an API client with a bearer token, or a browser with a session cookie
 * that submits forms with their own hidden CSRF field. Redirects are not followed, so tests see them.
 */
final class WebUser {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http;
    private String token;
    private String language = "zh-CN";

    WebUser(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Signs in through the identity module's token endpoint and uses the token from then on. */
    WebUser withToken(String username, String password) {
        HttpResponse<String> created = send(json(
                "POST",
                "/api/v1/auth/tokens",
                Map.of("username", username, "password", password, "name", "search-tests")));
        if (created.statusCode() != 201) {
            throw new AssertionError("token for " + username + ": " + created.statusCode() + " " + created.body());
        }
        token = read(created).get("token").asString();
        return this;
    }

    /** Signs in through the sign-in form, as a browser does. */
    WebUser signedIn(String username, String password) {
        HttpResponse<String> response =
                submit("/login", "login-form", Map.of("username", username, "password", password));
        if (response.statusCode() != 302 || location(response).contains("error")) {
            throw new AssertionError("sign-in of " + username + " failed: " + location(response));
        }
        return this;
    }

    WebUser inEnglish() {
        language = "en";
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, Object body) {
        return send(json("POST", path, body));
    }

    HttpResponse<String> put(String path, Object body) {
        return send(json("PUT", path, body));
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** Uploads a file as the multipart part {@code file}, with further plain form fields. */
    HttpResponse<String> upload(String path, String fileName, byte[] content, Map<String, String> fields) {
        return send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(fileName, content, fields)))
                .build());
    }

    /** Opens the page, fills the form and submits it (multipart when the form says so) with its hidden fields. */
    HttpResponse<String> submit(String pagePath, String form, Map<String, String> fields) {
        return submit(pagePath, form, fields, null, null);
    }

    HttpResponse<String> submit(
            String pagePath, String form, Map<String, String> fields, String fileName, byte[] file) {
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
        String action = URI.create(found.absUrl("action")).getRawPath();
        if (file != null) {
            return upload(action, fileName, file, values);
        }
        String body = values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    static JsonNode read(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static Document html(HttpResponse<String> response) {
        return Jsoup.parse(response.body());
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static final String BOUNDARY = "----kechuang-" + UUID.randomUUID();

    private static byte[] multipart(String fileName, byte[] content, Map<String, String> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(
                out,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                        + "\r\n"));
        write(
                out,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: text/csv\r\n\r\n");
        out.writeBytes(content);
        write(out, "\r\n--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest json(String method, String path, Object body) {
        return request(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept-Language", language)
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
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

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
