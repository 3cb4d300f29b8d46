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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ngms.support.ProcessOutput;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "A receipt means durable", with the packaged jar on its own embedded PostgreSQL: four operators submit sealed bids
 * concurrently, the service is killed with SIGKILL while they do, and the restarted service (on its first attempt)
 * has, for every signed receipt a client received, the transcript record the receipt names, with the receipt's hash.
 * Twice:
 * <ol>
 *   <li>only the JVM is killed: its PostgreSQL server lives on as an orphan holding the data directory, and the
 *       restart must stop it and start its own;</li>
 *   <li>the JVM and every PostgreSQL process are killed together, as when the whole machine or container dies: only
 *       commits whose WAL was flushed before they were acknowledged survive crash recovery, so a receipt sent for a
 *       commit still in memory would name a record that is gone (and whose sequence number a later bid takes).</li>
 * </ol>
 */
class CrashRestartIT {

    private static final Path JAR = Path.of("target", "ngms-auction.jar").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Bidders of the Pakistan 2021 directive and the demand each bids for. */
    private static final Map<String, String> BIDS = Map.of(
            "ufone", "{\"demand\":{\"1800-A\":1,\"1800-B\":20}}",
            "jazz", "{\"demand\":{\"2100\":1}}",
            "zong", "{\"demand\":{\"2100\":1}}",
            "telenor", "{\"demand\":{\"2100\":1}}");
    private static final Duration BIDDING = Duration.ofSeconds(3);

    @TempDir
    Path workDir;

    private int port;
    private Process service;
    private final List<String> output = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null && service.isAlive()) {
            service.destroy();
            service.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyReceiptSurvivesAKilledServiceAndAKilledDatabase() throws Exception {
        port = freePort();
        Instant began = Instant.now();
        start();
        String token = Files.readString(workDir.resolve("data/bootstrap-regulator.token")).strip();
        String auction = anAuctionWithItsSealedStageOpen(token);
        Map<String, String> operators = new HashMap<>();
        BIDS.keySet().forEach(bidder -> operators.put(bidder, operatorToken(token, bidder)));
        List<JsonNode> receipts = new ArrayList<>();

        // 1. kill -9 of the JVM alone: its PostgreSQL is left running on the data directory
        receipts.addAll(bidUntilKilled(auction, operators, this::killTheJvm));
        progress(began, receipts.size() + " receipts, JVM killed");
        long orphan = postmasterPid();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                .as("the killed JVM ran no shutdown hook, so its PostgreSQL is still running").contains(true);
        start();
        progress(began, "restarted after stopping the orphaned server");
        assertThat(output).as("the restart stopped the orphaned server first")
                .anyMatch(line -> line.startsWith("Embedded PostgreSQL: stopped the server (process " + orphan + ")"));
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan is gone").isEmpty();
        assertEveryReceiptIsInTheTranscript(token, auction, receipts);

        // 2. kill -9 of the JVM and of every PostgreSQL process: the database recovers from its WAL alone
        long crashed = postmasterPid();
        receipts.addAll(bidUntilKilled(auction, operators, this::killTheDatabaseAndTheJvm));
        progress(began, receipts.size() + " receipts, PostgreSQL and JVM killed");
        start();
        progress(began, "restarted after crash recovery");
        assertThat(output).as("the restart removed the dead server's pid file")
                .anyMatch(line -> line.startsWith("Embedded PostgreSQL: removed ")
                        && line.endsWith("of PostgreSQL process " + crashed + ", which is no longer running"));
        assertEveryReceiptIsInTheTranscript(token, auction, receipts);
        theJarVerifiesTheBundleWithEveryReceipt(token, auction, receipts);
        progress(began, "every receipt's record found, and verified by the jar");
    }

    private static void progress(Instant began, String what) {
        System.out.printf("CrashRestartIT %5.1f s: %s%n", Duration.between(began, Instant.now()).toMillis() / 1000.0,
                what);
    }

    // --- the service as a process ---

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private ProcessBuilder java(String... args) {
        // C1 only and the serial collector: less CPU for three short-lived services on two cores; neither changes
        // what is tested (the database's durability and the restart)
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        // no database configured: the service starts its own, in workDir/data/postgres
        List.of("DB_HOST", "PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "SPRING_R2DBC_URL",
                        "NGMS_BOOTSTRAP_TOKEN", "NGMS_DATABASE_ALLOWNONDURABLE", "NGMS_DATABASE_ALLOW_NON_DURABLE")
                .forEach(builder.environment()::remove);
        return builder;
    }

    /**
     * Starts the jar once and waits for health UP: the start must succeed on this one attempt (a process that exits
     * fails the test with its output).
     */
    private void start() throws Exception {
        assertThat(JAR).as("the packaged jar (run after `package`)").exists();
        output.clear();
        ProcessBuilder builder = java();
        builder.environment().put("PORT", Integer.toString(port));
        service = builder.start();
        Process started = service;
        ProcessOutput.collect(started, output);
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            assertThat(service.isAlive()).as("the service exited on its first start attempt:\n" + log()).isTrue();
            try {
                HttpResponse<String> health = get("/actuator/health", null);
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    assertThat(output).as("the embedded PostgreSQL started").anyMatch(
                            line -> line.startsWith("Embedded PostgreSQL started on port"));
                    output.stream().filter(line -> line.contains("Started NgmsApplication in")).findFirst()
                            .ifPresent(line -> System.out.println("CrashRestartIT " + line.replaceAll(".*: ", "")));
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no health UP within 120 s:\n" + log());
    }

    private String log() {
        return String.join("\n", output);
    }

    private Path dataDirectory() {
        return workDir.resolve("data/postgres");
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory().resolve("postmaster.pid")).get(0).strip());
    }

    /** SIGKILL: {@code destroyForcibly} on Unix; exit status 128 + 9 proves that no shutdown (hook) ran. */
    private void killTheJvm() {
        service.destroyForcibly();
        try {
            assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(service.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    }

    /** SIGKILL to every PostgreSQL process first (none may write another byte), then to the JVM. */
    private void killTheDatabaseAndTheJvm() {
        try {
            ProcessHandle postmaster = ProcessHandle.of(postmasterPid()).orElseThrow();
            List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
            all.add(0, postmaster);
            all.forEach(ProcessHandle::destroyForcibly);
            killTheJvm();
            for (ProcessHandle process : all) {
                process.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("could not kill the embedded PostgreSQL", e);
        }
    }

    // --- the API ---

    private static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path)).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(request("http://localhost:" + port + path, token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String contentType, String body)
            throws IOException, InterruptedException {
        return HTTP.send(request("http://localhost:" + port + path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode send(String token, String path, String json, int expected) throws Exception {
        HttpResponse<String> response = post(path, token, "application/json", json);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    /** The Pakistan 2021 directive, four qualified bidders, bidding open and the sealed window open for an hour. */
    private String anAuctionWithItsSealedStageOpen(String token) throws Exception {
        HttpResponse<String> directive = post("/api/v1/directives", token, "application/yaml",
                Files.readString(Path.of("scenarios/pk-ngms-2021/directive.yaml")));
        assertThat(directive.statusCode()).as(directive.body()).isEqualTo(201);
        Instant now = Instant.now();
        String opens = now.plusSeconds(1).toString();
        String auction = send(token, "/api/v1/auctions", "{\"directiveId\":\"PK-NGMS-2021\",\"schedule\":{"
                + "\"applicationDeadline\":\"" + now + "\",\"biddingOpens\":\"" + opens + "\","
                + "\"stageOpenings\":{\"sealed\":\"" + opens + "\"},"
                + "\"stageClosings\":{\"sealed\":\"" + now.plus(Duration.ofHours(1)) + "\"}}}", 201)
                .get("id").asString();
        String bidders = "/api/v1/auctions/" + auction + "/bidders";
        send(token, bidders, "{\"id\":\"ufone\",\"organisation\":\"PTML\",\"newEntrant\":false,"
                + "\"deposit\":55800000,\"requestedDemand\":{\"1800-A\":1,\"1800-B\":20}}", 201);
        for (String bidder : List.of("jazz", "zong", "telenor")) {
            send(token, bidders, "{\"id\":\"" + bidder + "\",\"organisation\":\"" + bidder + "\","
                    + "\"newEntrant\":false,\"deposit\":29000000,\"requestedDemand\":{\"2100\":1}}", 201);
        }
        send(token, "/api/v1/auctions/" + auction + "/transitions", "{\"to\":\"QUALIFICATION\"}", 200);
        for (String bidder : BIDS.keySet()) {
            send(token, bidders + "/" + bidder + "/qualification", "{}", 200);
        }
        send(token, "/api/v1/auctions/" + auction + "/transitions", "{\"to\":\"BIDDING\"}", 200);
        Instant until = Instant.now().plusSeconds(15);
        while (!JSON.readTree(get("/api/v1/auctions/" + auction + "/stages/sealed", null).body())
                .path("state").asString("").equals("OPEN")) {
            assertThat(Instant.now()).as("the sealed window opens").isBefore(until);
            Thread.sleep(200);
        }
        return auction;
    }

    private String operatorToken(String regulatorToken, String bidder) {
        try {
            String account = bidder + "-desk";
            send(regulatorToken, "/api/v1/accounts", "{\"id\":\"" + account + "\",\"role\":\"OPERATOR\","
                    + "\"organisation\":\"" + bidder + "\",\"displayName\":\"" + account + "\"}", 201);
            return send(regulatorToken, "/api/v1/accounts/" + account + "/tokens", "{\"label\":\"crash test\","
                    + "\"expiresAt\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}", 201).get("token").asString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // --- bidding and the check ---

    /**
     * Every operator submits its sealed bid again and again (each a new version, each answered with a receipt) until
     * {@code kill} stops the service under them after {@link #BIDDING}. Returns every receipt received.
     */
    private List<JsonNode> bidUntilKilled(String auction, Map<String, String> operators, Runnable kill)
            throws InterruptedException {
        List<JsonNode> receipts = new CopyOnWriteArrayList<>();
        List<String> refusals = new CopyOnWriteArrayList<>();
        Map<String, Integer> perBidder = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> clients = new ArrayList<>();
        String path = "/api/v1/auctions/" + auction + "/stages/sealed/bids";
        for (Map.Entry<String, String> bid : BIDS.entrySet()) {
            Thread client = new Thread(() -> {
                while (true) {
                    HttpResponse<String> response;
                    try {
                        response = post(path, operators.get(bid.getKey()), "application/json", bid.getValue());
                    } catch (IOException killed) {
                        return;
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (response.statusCode() != 201) {
                        refusals.add(bid.getKey() + ": " + response.statusCode() + " " + response.body());
                        return;
                    }
                    receipts.add(JSON.readTree(response.body()).get("receipt"));
                    perBidder.merge(bid.getKey(), 1, Integer::sum);
                }
            }, "bidder-" + bid.getKey());
            clients.add(client);
            client.start();
        }
        Thread.sleep(BIDDING.toMillis());
        assertThat(clients).as("every client is still bidding when the service is killed: " + refusals)
                .allMatch(Thread::isAlive);
        kill.run();
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(40).toMillis());
            assertThat(client.isAlive()).as(client.getName() + " ended with the service").isFalse();
        }
        assertThat(refusals).as("no submission was refused before the kill").isEmpty();
        assertThat(perBidder.keySet()).as("receipts per bidder: " + perBidder).containsExactlyInAnyOrderElementsOf(
                BIDS.keySet());
        return receipts;
    }

    private String bundle(String token, String auction) throws Exception {
        HttpResponse<String> bundle = get("/api/v1/auctions/" + auction + "/transcript", token);
        assertThat(bundle.statusCode()).as(bundle.body()).isEqualTo(200);
        return bundle.body();
    }

    /** For each receipt, the record at its seq: it must exist, with the receipt's hash and request hash. */
    private void assertEveryReceiptIsInTheTranscript(String token, String auction, List<JsonNode> receipts)
            throws Exception {
        Map<Long, JsonNode> records = new HashMap<>();
        for (String line : bundle(token, auction).split("\n")) {
            JsonNode entry = JSON.readTree(line);
            if (entry.has("record")) {
                records.put(entry.get("record").get("seq").longValue(), entry);
            }
        }
        List<String> missing = new ArrayList<>();
        for (JsonNode receipt : receipts) {
            long seq = receipt.get("seq").longValue();
            JsonNode entry = records.get(seq);
            if (entry == null) {
                missing.add("seq " + seq + ": no such record (the transcript ends at " + records.size() + ")");
            } else if (!entry.get("hash").asString().equals(receipt.get("recordHash").asString())
                    || !entry.get("record").get("payload").get("requestSha256").asString()
                    .equals(receipt.get("requestSha256").asString())) {
                missing.add("seq " + seq + ": the receipt says record " + receipt.get("recordHash").asString()
                        + " for request " + receipt.get("requestSha256").asString() + ", the transcript has "
                        + entry.get("hash").asString() + " " + entry.get("record").get("payload"));
            }
        }
        assertThat(missing).as(missing.size() + " of " + receipts.size() + " receipts name records the restarted"
                + " service does not have").isEmpty();
    }

    /** The product's own check: {@code verify} with every receipt, offline, against the published keys. */
    private void theJarVerifiesTheBundleWithEveryReceipt(String token, String auction, List<JsonNode> receipts)
            throws Exception {
        Path bundle = workDir.resolve("bundle.jsonl");
        Path keys = workDir.resolve("keys.json");
        Files.writeString(bundle, bundle(token, auction));
        Files.writeString(keys, get("/api/v1/keys", null).body());
        List<String> args = new ArrayList<>(List.of("verify", bundle.toString(), "--keys", keys.toString(),
                "--no-recompute"));
        for (int i = 0; i < receipts.size(); i++) {
            Path file = workDir.resolve("receipt-" + i + ".json");
            Files.writeString(file, receipts.get(i).toString());
            args.addAll(List.of("--receipt", file.toString()));
        }
        Process verify = java(args.toArray(String[]::new)).start();
        String out = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor()).as(out).isZero();
        assertThat(out).contains(receipts.size() + " receipt(s) checked");
    }
}
