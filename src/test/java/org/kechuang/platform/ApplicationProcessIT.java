package org.kechuang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application as an operator runs it: {@code java -jar}, killed with {@code kill -9}, started again on
 * the same folder. The embedded PostgreSQL left orphaned by the kill must be found and stopped, and what was written
 * before the kill must still be there.
 */
class ApplicationProcessIT {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

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
    void comesBackOnTheSameDataAfterKillDashNine() throws Exception {
        httpPort = freePort();
        dbPort = freePort();
        app = start();
        awaitReady();
        String token = createToken();
        assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(200);
        long postmaster = postmasterPid();

        app.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
                .as("the kill leaves PostgreSQL orphaned, as in real life")
                .contains(true);

        app = start();
        awaitReady();

        HttpResponse<String> me = get("/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"operator\"");
        assertThat(postmasterPid()).isNotEqualTo(postmaster);
        assertThat(Files.readString(workDir.resolve("app.log"))).contains("left running on");
    }

    @Test
    void stopsItsDatabaseCleanlyOnSigterm() throws Exception {
        httpPort = freePort();
        dbPort = freePort();
        app = start();
        awaitReady();
        long postmaster = postmasterPid();

        app.destroy();
        assertThat(app.onExit().get().exitValue()).isIn(0, 143);

        assertThat(workDir.resolve("data/postgres/postmaster.pid"))
                .as("PostgreSQL removes its pid file when it shuts down cleanly")
                .doesNotExist();
        assertThat(ProcessHandle.of(postmaster).flatMap(p -> p.info().command()))
                .as("no server process left running")
                .isEmpty();
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

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(workDir.resolve("data/postgres/postmaster.pid"))
                .getFirst()
                .trim());
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
