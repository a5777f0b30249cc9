package org.kechuang.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged application importing 100,000 rows is killed with {@code kill -9} in the middle of the batch and
 * started again on the same folder: the restarted workers finish the batch, and every row is stored exactly once.
 */
class ImportProcessIT {

    private static final int ROWS = 100_000;
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
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
    void aBatchKilledMidwayIsFinishedAfterTheRestartWithEveryRowStoredOnce() throws Exception {
        httpPort = freePort();
        dbPort = freePort();
        app = start();
        awaitReady();
        String token = createToken();
        String prefix = "kill-" + UUID.randomUUID().toString().substring(0, 8) + "-";

        HttpResponse<String> accepted = upload(token, csv(prefix));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        long batch = JSON.readTree(accepted.body()).get("id").asLong();
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    seen[0] = status(token, batch);
                    return seen[0].get("accepted").asInt() >= 200;
                });
        app.destroyForcibly().waitFor();

        assertThat(seen[0].get("status").asString())
                .as("killed while running, %s rows applied", seen[0].get("accepted"))
                .isEqualTo("running");
        long storedAtKill = stored(prefix)[0];
        assertThat(storedAtKill).isLessThan(ROWS);

        app = start();
        awaitReady();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> status(token, batch).get("status").asString().equals("completed"));

        JsonNode done = status(token, batch);
        assertThat(done.get("total").asInt()).isEqualTo(ROWS);
        assertThat(done.get("accepted").asInt()).isEqualTo(ROWS);
        assertThat(done.get("inserted").asInt()).isEqualTo(ROWS);
        assertThat(done.get("rejected").asInt()).isZero();
        long[] counts = stored(prefix);
        assertThat(counts[0]).as("rows stored").isEqualTo(ROWS);
        assertThat(counts[1]).as("distinct source ids").isEqualTo(ROWS);
    }

    private static byte[] csv(String prefix) {
        StringBuilder csv = new StringBuilder(ROWS * 60).append("来源编号,成果名称,成果摘要,关键词\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(prefix)
                    .append(i)
                    .append(",断电测试成果 ")
                    .append(i)
                    .append(",一种用于验证断点续传的测试摘要 ")
                    .append(i)
                    .append(",测试；续传\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Rows and distinct source ids with the prefix, read straight from the application's database. */
    private long[] stored(String prefix) throws SQLException {
        try (Connection db = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + dbPort + "/kechuang?user=postgres");
                var query = db.prepareStatement(
                        "select count(*), count(distinct source_id) from achievement where source_id like ?")) {
            query.setString(1, prefix + "%");
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private HttpResponse<String> upload(String token, byte[] content) throws IOException, InterruptedException {
        String boundary = "kill" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kill.csv\"\r\n"
                                + "Content-Type: text/csv\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(uri("/api/v1/imports?type=achievement&station=zju"))
                        .timeout(Duration.ofMinutes(2))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode status(String token, long batch) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/api/v1/imports/" + batch + "?errorsLimit=0"))
                        // generous: on a loaded machine the import's workers take the CPU, and a late answer is no
                        // failure of what this test checks
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
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
                "--kechuang.mail.embedded.port=0",
                // one worker and small chunks, so that the kill comes midway also on a fast, idle machine (the import
                // is quick since ADR 0015); finishing after a restart does not depend on either
                "--kechuang.imports.workers=1",
                "--kechuang.imports.chunk-size=200"));
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
                        HttpResponse<String> health = http.send(
                                HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        return health.statusCode() == 200 && health.body().contains("UP");
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    private String createToken() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/api/v1/auth/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"operator\",\"password\":\"kechuang-demo\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        Matcher token = TOKEN.matcher(response.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
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
