package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged application is killed with {@code kill -9} right after records were committed, while the index is still
 * catching up with them, and started again on the same folder: every committed record is found by search after the
 * restart (the event publication registry hands the unfinished changes to the index again).
 */
class SearchCrashProcessIT {

    private static final int RECORDS = 24;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path workDir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process app;
    private int httpPort;
    private int dbPort;

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.onExit().get();
        }
    }

    @Test
    void recordsCommittedJustBeforeAKillAreSearchableAfterTheRestart() throws Exception {
        httpPort = freePort();
        dbPort = freePort();
        app = start();
        awaitReady();
        String token = token();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> json(get("/api/v1/search/reindex", token))
                        .get("state")
                        .asString()
                        .equals("DONE"));
        String marker = "crash" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

        Set<Long> committed = publishAtOnce(token, marker);
        app.destroyForcibly().waitFor();

        long unfinished = unfinishedSearchEvents();
        assertThat(unfinished)
                .as("the kill came before the index had applied every change")
                .isPositive();

        app = start();
        awaitReady();
        // generous: the restart rebuilds nothing, but on a shared 2-CPU machine under a load of 10 the burst of
        // republished events takes minutes
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> found(marker).equals(committed));
        // every listener of the changes (the search index, the matching index) completes its publications in the end
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(unfinishedSearchEvents()).isZero());
    }

    /** Demands posted and published by parallel requests: the index receives their changes in a burst. */
    private Set<Long> publishAtOnce(String token, String marker) throws Exception {
        try (ExecutorService requests = Executors.newFixedThreadPool(8)) {
            List<Future<Long>> posted = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                int n = i;
                posted.add(requests.submit(() -> {
                    String body = "{\"title\":\"断电检索测试 " + marker + " 第" + n + "项\",\"background\":\"验证强制终止后索引的恢复。\"}";
                    HttpResponse<String> created = post("/api/v1/demands", token, body);
                    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                    long id = json(created).get("id").asLong();
                    HttpResponse<String> submitted = post("/api/v1/demands/" + id + "/submit", token, "{}");
                    assertThat(json(submitted).get("status").asString())
                            .as(submitted.body())
                            .isEqualTo("PUBLISHED");
                    return id;
                }));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> id : posted) {
                ids.add(id.get());
            }
            return Set.copyOf(ids);
        }
    }

    /** What a visitor finds: published demands only. */
    private Set<Long> found(String marker) throws Exception {
        HttpResponse<String> response =
                get("/api/v1/search?size=100&type=demand&q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response)
                .get("results")
                .valueStream()
                .map(r -> r.get("id").asLong())
                .collect(Collectors.toSet());
    }

    /**
     * Changes of searchable records whose listener had not finished, read from the database (which the kill leaves
     * running, orphaned, until the next start stops it).
     */
    private long unfinishedSearchEvents() throws SQLException {
        try (Connection db = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + dbPort + "/kechuang?user=postgres");
                var query = db.prepareStatement("select count(*) from event_publication"
                        + " where completion_date is null and event_type like '%SearchableRecordsChanged'");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Process start() throws IOException {
        String jar = System.getProperty("kechuang.app-jar", "target/kechuang.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--add-modules",
                "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                Path.of(jar).toAbsolutePath().toString(),
                "--server.port=" + httpPort,
                "--kechuang.database.embedded.port=" + dbPort,
                "--kechuang.mail.embedded.port=0"));
        return new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        workDir.resolve("app.log").toFile()))
                .start();
    }

    private void awaitReady() {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(app.isAlive())
                            .as("application exited, see " + workDir.resolve("app.log"))
                            .isTrue();
                    try {
                        HttpResponse<String> health = get("/actuator/health/readiness", null);
                        return health.statusCode() == 200 && health.body().contains("UP");
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    private String token() throws Exception {
        HttpResponse<String> response =
                post("/api/v1/auth/tokens", null, "{\"username\":\"operator\",\"password\":\"kechuang-demo\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response).get("token").asString();
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
