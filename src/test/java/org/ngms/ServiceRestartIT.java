package org.ngms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ngms.support.ProcessOutput;

/**
 * The packaged jar as an operator of the service runs it: with no database configured it starts its own PostgreSQL,
 * answers health UP, and after a restart finds the data it stored. The same jar validates directives offline.
 */
class ServiceRestartIT {

    private static final Path JAR = Path.of("target", "ngms-auction.jar").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path workDir;

    private Process service;
    private final List<String> output = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroy();
            service.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private ProcessBuilder java(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        // no database configured: the service must start its own
        List.of("DB_HOST", "PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "SPRING_R2DBC_URL",
                        "NGMS_BOOTSTRAP_TOKEN")
                .forEach(builder.environment()::remove);
        return builder;
    }

    private String start(int port) throws Exception {
        ProcessBuilder builder = java();
        builder.environment().put("PORT", Integer.toString(port));
        service = builder.start();
        ProcessOutput.collect(service, output);
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            assertThat(service.isAlive()).as("service exited:\n" + String.join("\n", output)).isTrue();
            try {
                HttpResponse<String> health = get(port, "/actuator/health");
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return output.stream().filter(l -> l.startsWith("Embedded PostgreSQL started")).findFirst()
                            .orElseThrow();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no health UP within 180 s:\n" + String.join("\n", output));
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theServiceKeepsItsEmbeddedDataAcrossARestart() throws Exception {
        int port = freePort();
        String firstStart = start(port);
        assertThat(firstStart).contains(workDir.resolve("data/postgres").toRealPath().toString());

        Path tokenFile = workDir.resolve("data/bootstrap-regulator.token");
        assertThat(Files.getPosixFilePermissions(tokenFile)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String token = Files.readString(tokenFile).strip();
        assertThat(token).matches("ngms_[A-Za-z0-9_-]{43}");
        assertThat(String.join("\n", output)).as("the token is never logged").doesNotContain(token)
                .contains(tokenFile.toRealPath().toString());

        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/directives"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString("id: x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/directives"))
                .header("Content-Type", "application/yaml")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(
                        Files.readString(Path.of("scenarios/pk-5g-2026/directive.yaml"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String sha = created.body().replaceAll(".*\"sha256\":\"([0-9a-f]{64})\".*", "$1");

        service.destroy();
        assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        output.clear();

        Files.delete(tokenFile);
        String secondStart = start(port);
        assertThat(Files.exists(tokenFile)).as("no second bootstrap credential once accounts exist").isFalse();
        assertThat(secondStart).isEqualTo(firstStart.replaceAll("port \\d+", secondStart.replaceAll(
                ".*port (\\d+).*", "port $1")));
        HttpResponse<String> stored = get(port, "/api/v1/directives/PK-5G-2026");
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).contains("\"sha256\":\"" + sha + "\"").contains("\"version\":1");
        HttpResponse<String> whoami = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/whoami"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(whoami.body()).contains("\"account\":\"regulator\"");

        anAuctionTranscriptVerifiesOfflineWithTheJar(port, token, sha);
    }

    /** A cancelled auction's published bundle, checked by `verify` against the published keys. */
    private void anAuctionTranscriptVerifiesOfflineWithTheJar(int port, String token, String sha) throws Exception {
        String auction = send(port, token, "POST", "/api/v1/auctions", "{\"directiveId\":\"PK-5G-2026\","
                + "\"schedule\":{\"applicationDeadline\":\"2026-02-27T12:00:00Z\","
                + "\"biddingOpens\":\"2026-03-10T05:00:00Z\",\"stageOpenings\":{\"allocation\":"
                + "\"2026-03-10T05:00:00Z\"}}}", 201).replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        send(port, token, "POST", "/api/v1/auctions/" + auction + "/transitions",
                "{\"to\":\"CANCELLED\",\"reason\":\"end-to-end test\"}", 200);
        Path bundle = workDir.resolve("bundle.jsonl");
        Path keys = workDir.resolve("keys.json");
        Files.writeString(bundle, get(port, "/api/v1/auctions/" + auction + "/transcript").body());
        Files.writeString(keys, get(port, "/api/v1/keys").body());
        assertThat(Files.readString(bundle)).contains(sha);

        Process verify = java("verify", bundle.toString(), "--keys", keys.toString()).start();
        String out = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor()).as(out).isZero();
    }

    private static String send(int port, String token, String method, String path, String json, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return response.body();
    }

    @Test
    void theJarReplaysARealAuctionAndPrintsItsSummaryAsJsonOrInShort() throws Exception {
        Path scenario = Path.of("scenarios/ajkgb-ngms-2021").toAbsolutePath();
        Process replay = java("replay", scenario.toString(), "--json").redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(replay.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(replay.waitFor()).as(out).isZero();

        var summary = tools.jackson.databind.json.JsonMapper.builder().build().readTree(out);
        assertThat(summary.get("bidders").get("zong").get("price").longValue()).isEqualTo(15_442_000L);
        assertThat(summary.get("stages").get(1).get("rounds")).hasSize(18);
        assertThat(summary.get("matchesPublished").booleanValue()).isTrue();

        Process shortly = java("replay", scenario.toString()).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(shortly.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shortly.waitFor()).as(text).isZero();
        assertThat(text).contains("stage clock (CLOCK): EVALUATED, 18 round(s)")
                .contains("matches the published outcome (outcome.yaml)");

        // 2014 through the real sealed pre-qualification and SMRA
        Process smra = java("replay", Path.of("scenarios/pk-3g4g-2014").toAbsolutePath().toString())
                .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String smraText = new String(smra.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(smra.waitFor()).as(smraText).isZero();
        assertThat(smraText).contains("stage smra (SMRA): EVALUATED, 7 round(s)")
                .contains("revenue: 1,112,820,000").contains("matches the published outcome (outcome.yaml)");
    }

    @Test
    void theJarValidatesADirectiveOfflineWithExitCodes() throws Exception {
        Path valid = Path.of("scenarios/pk-5g-2026/directive.yaml").toAbsolutePath();
        Process ok = java("validate", valid.toString()).start();
        String okOut = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ok.waitFor()).as(okOut).isZero();
        assertThat(okOut).startsWith("valid: PK-5G-2026 sha256 ");

        Path broken = workDir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(valid).replace("termYears: 15", "termYears: 60"));
        Process bad = java("validate", broken.toString()).start();
        String badOut = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bad.waitFor()).isEqualTo(2);
        assertThat(badOut).contains("licence.termYears: OUT_OF_RANGE");
        assertThat(Files.exists(workDir.resolve("data"))).as("validate must not start a database").isFalse();
    }
}
