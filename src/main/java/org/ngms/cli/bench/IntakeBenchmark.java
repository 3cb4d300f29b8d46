package org.ngms.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.ngms.shared.StageId;
import org.ngms.shared.AuctionId;
import org.ngms.NgmsApplication;
import org.ngms.auction.app.ClockEngines;
import org.ngms.auction.app.ClockRounds;
import org.ngms.auction.clock.ClockProduct;
import org.ngms.auction.clock.ClockStage;
import org.ngms.auction.clock.RoundPrices;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench intake}: the intake of clock bids by the real service, measured over loopback HTTP on a real
 * PostgreSQL.
 *
 * <p>The service runs in this JVM as it runs in production — the reactive web server on a port, Spring Security's
 * chain with bearer tokens looked up in the database, JSON binding, R2DBC, the transcript append with its Ed25519
 * signature, the signed receipt, the commit with {@code synchronous_commit} on, and the stage scheduler ticking every
 * second — on a database of its own ({@link BenchDatabase}). Everything the benchmark does to set the auction up goes
 * through the API as the regulator and the operators would: the directive, the auction, 200 bidders registered and
 * qualified, an operator account and token per bidder, the transitions; the scheduler opens the clock stage.
 *
 * <p>Two things are done in-process, and why: <em>closing a round</em> calls {@link ClockRounds#close}, the very call
 * the scheduler's tick makes for a round whose deadline has passed, because the API can only extend a deadline, and
 * rounds of a minute (the directive's least) would make 60 rounds take an hour; the close is timed around that call
 * (process the round's ~25,000 bid records, store, record ROUND_RESULT, open the next round and record ROUND_OPENED,
 * commit). And the simulated bidders <em>read the engine</em> ({@link ClockEngines}) to know the prices of the open
 * round and their processed demand: this is the bidders' model (as the feed and {@code …/mine} would tell them), not
 * part of anything measured.
 *
 * <p>Bidders behave as in {@link org.ngms.auction.clock.bench.ClockBenchmark}: each is interested in ~87% of the
 * products, demands 1–4 blocks of each in round 1, and later trims a product by one block at a random intra-round
 * price with a 7% chance per round, otherwise maintains its demand at the clock price. Of the bidders, the first
 * {@code bidders} (57) bid in every round; the others (up to {@code manyBidders}, 200) exist for the 200-client
 * figure: they bid real demand in round 1 while it is measured, then replace it with a bid set of one product at zero
 * (so they leave the auction and the rounds keep ~25,000 bid records), and in the last measured round they submit
 * their ~440 products at zero demand — the same size of request on the same path.
 *
 * <p>At round 1 and after {@code rounds} processed rounds, for {@code bidders} and then {@code manyBidders}
 * concurrent clients (one per bidder, each submitting its bid set again and again: every submission is a new
 * version), it measures accepted submissions per second and their latency, and right after, on the same server and
 * at the same concurrency, PostgreSQL's own rate of single-row inserts, each in its own committed transaction. While
 * the submissions are measured it samples {@code pg_stat_activity}, so the figures come with what the database's
 * sessions were waiting for.
 */
public final class IntakeBenchmark {

    /** What to run. */
    public record Options(int areas, int bidders, int manyBidders, int rounds, double durationSeconds,
                          double warmupSeconds, long seed, double paceSeconds) {

        public static Options full() {
            return new Options(406, 57, 200, 60, 10, 3, 107, 2);
        }

        /** A small run for a test: 20 areas, 5 bidders (8 for the "many" figure), 3 rounds, short measurements. */
        public static Options quick() {
            return new Options(20, 5, 8, 3, 1.5, 0.5, 107, 0.5);
        }
    }

    /** PostgreSQL's own rate of single-row inserts, each its own committed transaction. */
    public record Baseline(int connections, long inserts, double seconds, double insertsPerSecond, double p50Millis,
                           double p99Millis) {
    }

    /** One measurement of submissions. */
    public record Measurement(int round, int clients, double paceSeconds, int bidsPerSubmission, long accepted,
                              Map<Integer, Long> statuses,
                              List<String> problems, double seconds, double acceptedPerSecond, double p50Millis,
                              double p99Millis, double maxMillis, Baseline baseline, Map<String, Long> pgWaits) {

        public double ratio() {
            return baseline.insertsPerSecond() == 0 ? 0 : acceptedPerSecond / baseline.insertsPerSecond();
        }

        public long refused() {
            return statuses.entrySet().stream().filter(e -> e.getKey() != 201).mapToLong(Map.Entry::getValue).sum();
        }
    }

    /** One round close: its duration and the bid records it processed. */
    public record Close(int round, double millis, int bidRecords, boolean ended) {
    }

    /** Everything a run found. */
    public record Figures(Options options, int products, String database, String postgresVersion, String java,
                          int cores, long memoryMb, double loadBefore, double loadAfter, Instant startedAt,
                          List<Measurement> measurements, List<Close> closes, long total201,
                          long transcriptSubmissions, long storedBidVersions) {
    }

    /** Targets of issue 9. */
    public static final double P99_TARGET_MILLIS = 50;
    public static final double RATIO_TARGET = 0.5;
    public static final double CLOSE_TARGET_MILLIS = 1000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final int DECREASE_PER_MILLE = 70;

    private final Options options;
    private final PrintWriter progress;
    private final AtomicLong total201 = new AtomicLong();
    private HttpClient http;
    private String base;
    private String regulator;
    private UUID auction;
    private ClockEngines engines;
    private ClockRounds rounds;
    private Clock clock;
    private BenchDatabase database;

    public IntakeBenchmark(Options options, PrintWriter progress) {
        this.options = options;
        this.progress = progress;
    }

    /** A bidder of the benchmark: its operator token, its products, its random draws. */
    private static final class Bidder {
        final String id;
        final boolean core;
        String token;
        List<ClockProduct> interests;
        SplittableRandom random;
        /** The body this bidder submits in the open round, and its number of bids. */
        byte[] body;
        int bids;

        Bidder(String id, boolean core) {
            this.id = id;
            this.core = core;
        }
    }

    public Figures run() throws Exception {
        Instant startedAt = Instant.now();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path workDir = Files.createTempDirectory("ngms-bench-intake");
        ConfigurableApplicationContext context = null;
        try {
            say("starting PostgreSQL");
            quietEmbeddedPostgresLog();
            database = BenchDatabase.start(workDir, System.getenv());
            say("database: " + database.description);
            context = startService(workDir);
            engines = context.getBean(ClockEngines.class);
            rounds = context.getBean(ClockRounds.class);
            clock = context.getBean(Clock.class);
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();

            List<Bidder> bidders = setUp();
            List<Bidder> core = bidders.stream().filter(b -> b.core).toList();
            List<Bidder> extra = bidders.stream().filter(b -> !b.core).toList();
            List<Measurement> measurements = new ArrayList<>();
            List<Close> closes = new ArrayList<>();
            int products = engine(0).stage().setup().products().size();
            int last = options.rounds() + 1;
            for (int round = 1; round <= last; round++) {
                ClockEngines.LiveClock engine = engine(round - 1);
                RoundPrices prices = engine.pricesOf(round);
                for (Bidder b : core) {
                    body(b, engine.stage(), prices, Demand.TRIMMED);
                }
                if (round == 1 || round == last) {
                    for (Bidder b : extra) {
                        body(b, engine.stage(), prices, round == 1 ? Demand.TRIMMED : Demand.ZERO);
                    }
                    measurements.add(measure(round, core, 0));
                    if (options.paceSeconds() > 0) {
                        // auction-day load: each bidder submits once every paceSeconds (open loop), below the
                        // saturation the back-to-back figures measure: the latency a bidder actually sees
                        measurements.add(measure(round, core, options.paceSeconds()));
                    }
                    if (!extra.isEmpty()) {
                        measurements.add(measure(round, bidders, 0));
                        if (options.paceSeconds() > 0) {
                            measurements.add(measure(round, bidders, options.paceSeconds()));
                        }
                        // the extra bidders leave: their last version is one product at zero
                        for (Bidder b : extra) {
                            body(b, engine.stage(), prices, Demand.ONE_AT_ZERO);
                        }
                        submitOnce(round, extra);
                    }
                }
                // the version of every core bidder that the round processes (the same bid set as measured)
                submitOnce(round, core);
                int records = bidders.stream().filter(b -> b.body != null).mapToInt(b -> b.bids).sum();
                Close close = close(round, records);
                closes.add(close);
                say(String.format(java.util.Locale.ROOT, "round %d closed in %.0f ms (%,d bid records)%s", round,
                        close.millis(), records, close.ended() ? "; the stage ended" : ""));
                if (close.ended() && round < last) {
                    throw new IllegalStateException("the clock stage ended after round " + round + ", before the "
                            + "measurement after " + options.rounds() + " rounds: no product had excess demand");
                }
                if (close.ended()) {
                    break;
                }
            }
            long[] stored = storedCounts();
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new Figures(options, products, database.description, postgresVersion(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                    Runtime.getRuntime().availableProcessors(), totalMemoryMb(), loadBefore, loadAfter, startedAt,
                    measurements, closes, total201.get(), stored[0], stored[1]);
        } finally {
            if (context != null) {
                context.close();
            }
            if (database != null) {
                try {
                    database.close();
                } catch (IOException | SQLException e) {
                    say("could not remove the benchmark's database: " + e.getMessage());
                }
            }
            deleteTree(workDir);
        }
    }

    // --- the service

    private ConfigurableApplicationContext startService(Path workDir) throws IOException {
        int port = freePort();
        String token = "ngms_bench-" + HexFormat.of().formatHex(randomBytes(20));
        say("starting the service on port " + port);
        // command-line arguments: they win over system properties and the environment (a test JVM may carry both)
        String[] args = {
                "--server.port=" + port,
                "--spring.r2dbc.url=" + database.r2dbcUrl(),
                "--spring.r2dbc.username=" + database.user,
                "--spring.r2dbc.password=" + database.password,
                "--spring.flyway.url=" + database.jdbcUrl(),
                "--spring.flyway.user=" + database.user,
                "--spring.flyway.password=" + database.password,
                "--ngms.bootstrap.token=" + token,
                "--ngms.bootstrap.token-file=" + workDir.resolve("bootstrap-regulator.token"),
                "--ngms.signing.key-dir=" + workDir.resolve("keys"),
                "--ngms.signing.passphrase=" + HexFormat.of().formatHex(randomBytes(16)),
                "--ngms.signing.import-key-file=",
                // the figures (and --json) are standard output, where the service also logs: errors only, as in replay
                "--logging.level.root=ERROR",
        };
        ConfigurableApplicationContext context = new SpringApplicationBuilder(NgmsApplication.class)
                .web(WebApplicationType.REACTIVE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args);
        base = "http://127.0.0.1:" + port;
        regulator = token;
        return context;
    }

    /** Directive, auction, bidders, accounts and tokens, qualification, bidding: all through the API. */
    private List<Bidder> setUp() throws Exception {
        say("registering the directive (" + options.areas() + " areas)");
        String directive = IntakeDirective.json(options.areas(), options.seed());
        expect(send("POST", "/api/v1/directives", regulator, directive), 201, "register the directive");
        Instant now = clock.instant();
        String created = expect(send("POST", "/api/v1/auctions", regulator, "{\"directiveId\":\"" + IntakeDirective.ID
                + "\",\"title\":\"bench intake\",\"schedule\":{\"applicationDeadline\":\"" + now
                + "\",\"biddingOpens\":\"" + now.plusSeconds(1) + "\",\"stageOpenings\":{\"" + IntakeDirective.STAGE
                + "\":\"" + now.plusSeconds(1) + "\"}}}"), 201, "create the auction");
        auction = UUID.fromString(JSON.readTree(created).get("id").asString());
        String path = "/api/v1/auctions/" + auction;

        int total = Math.max(options.bidders(), options.manyBidders());
        List<Bidder> bidders = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            bidders.add(new Bidder(String.format("bidder%03d", i), i <= options.bidders()));
        }
        say("registering " + total + " bidders with an operator account and token each");
        parallel(bidders, b -> {
            expect(send("POST", path + "/bidders", regulator, "{\"id\":\"" + b.id + "\",\"organisation\":\""
                    + "Bench operator " + b.id + "\",\"newEntrant\":false,\"deposit\":" + IntakeDirective.DEPOSIT
                    + "}"), 201, "register " + b.id);
            String account = b.id + "-desk";
            expect(send("POST", "/api/v1/accounts", regulator, "{\"id\":\"" + account
                    + "\",\"role\":\"OPERATOR\",\"organisation\":\"" + b.id + "\",\"displayName\":\"" + account
                    + "\"}"), 201, "create account " + account);
            String issued = expect(send("POST", "/api/v1/accounts/" + account + "/tokens", regulator,
                    "{\"label\":\"bench\"}"), 201, "issue a token for " + account);
            b.token = JSON.readTree(issued).get("token").asString();
        });
        expect(send("POST", path + "/transitions", regulator, "{\"to\":\"QUALIFICATION\"}"), 200, "QUALIFICATION");
        parallel(bidders, b -> expect(send("POST", path + "/bidders/" + b.id + "/qualification", regulator, "{}"),
                200, "qualify " + b.id));
        expect(send("POST", path + "/transitions", regulator, "{\"to\":\"BIDDING\"}"), 200, "BIDDING");

        say("waiting for the scheduler to open the clock stage");
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            HttpResponse<String> stage = send("GET", path + "/stages/" + IntakeDirective.STAGE, null, null);
            if (stage.statusCode() == 200 && JSON.readTree(stage.body()).path("state").asString("").equals("OPEN")) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the scheduler did not open the clock stage within 60 s: "
                        + stage.statusCode() + " " + stage.body());
            }
            Thread.sleep(200);
        }
        List<ClockProduct> products = engine(0).stage().setup().products();
        SplittableRandom r = new SplittableRandom(options.seed() + 1);
        for (Bidder b : bidders) {
            List<ClockProduct> own = new ArrayList<>();
            for (ClockProduct p : products) {
                if (r.nextInt(100) < 87) {
                    own.add(p);
                }
            }
            b.interests = own;
            b.random = r.split();
        }
        say("clock stage open: " + products.size() + " products");
        return bidders;
    }

    private ClockEngines.LiveClock engine(int closedRounds) {
        return engines.after(AuctionId.of(auction), StageId.of(IntakeDirective.STAGE), closedRounds).block(WAIT);
    }

    // --- the bidders' model

    private enum Demand { TRIMMED, ZERO, ONE_AT_ZERO }

    /**
     * The bidder's bid set for the open round, as JSON bytes: every price explicit (the clock price, or an
     * intra-round price for a trimmed product), so the service checks the price rules on every bid.
     */
    private static void body(Bidder b, ClockStage stage, RoundPrices prices, Demand demand) {
        Map<String, Integer> processed = stage.processedDemand(b.id);
        StringBuilder s = new StringBuilder(64 * b.interests.size()).append("{\"bids\":[");
        int count = 0;
        for (ClockProduct p : b.interests) {
            RoundPrices.Prices pr = prices.of(p.id());
            int current = processed.getOrDefault(p.id(), 0);
            int quantity;
            long price = pr.clockPrice();
            if (demand != Demand.TRIMMED) {
                quantity = 0;
            } else if (prices.round() == 1) {
                quantity = 1 + b.random.nextInt(p.maxPerBidder());
            } else if (current > 0 && pr.clockPrice() > pr.startOfRound()
                    && b.random.nextInt(1000) < DECREASE_PER_MILLE) {
                long steps = (pr.clockPrice() - pr.startOfRound()) / 1000;
                price = Math.min(pr.clockPrice(), pr.startOfRound() + 1000 * b.random.nextLong(steps + 1));
                quantity = current - 1;
            } else {
                quantity = current;
            }
            if (count > 0) {
                s.append(',');
            }
            s.append("{\"product\":\"").append(p.id()).append("\",\"quantity\":").append(quantity)
                    .append(",\"price\":").append(price).append('}');
            count++;
            if (demand == Demand.ONE_AT_ZERO) {
                break;
            }
        }
        b.body = s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        b.bids = count;
    }

    // --- submissions

    private String bidsPath(int round) {
        return "/api/v1/auctions/" + auction + "/stages/" + IntakeDirective.STAGE + "/rounds/" + round + "/bids";
    }

    private HttpResponse<String> submit(int round, Bidder b) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + bidsPath(round)))
                .header("Authorization", "Bearer " + b.token).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
            total201.incrementAndGet();
        }
        return response;
    }

    /**
     * Accepted: 201 with a signed receipt in the body and in the {@code NGMS-Receipt} header, naming its transcript
     * record. The service answers only after the commit (docs/architecture.md, the path of a clock bid).
     */
    private static boolean accepted(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            return false;
        }
        String header = response.headers().firstValue("NGMS-Receipt").orElse("");
        return header.contains("\"signature\":\"") && !header.contains("\"signature\":\"\"")
                && header.contains("\"seq\":") && response.body().contains("\"receipt\"");
    }

    /** Every bidder submits its bid set once, concurrently; each must be accepted. */
    private void submitOnce(int round, List<Bidder> bidders) throws Exception {
        parallel(bidders, b -> {
            HttpResponse<String> response = submit(round, b);
            if (!accepted(response)) {
                throw new IllegalStateException("the submission of " + b.id + " in round " + round + " was not "
                        + "accepted: " + response.statusCode() + " " + abbreviate(response.body()));
            }
        });
    }

    /** One client per bidder, each submitting again and again; timed after a warm-up. */
    /**
     * Submissions of {@code bidders}, each on its own thread: back to back ({@code pace} 0: closed loop, the
     * saturated rate), or once every {@code pace} seconds from a random phase (open loop: a fixed offered load).
     */
    private Measurement measure(int round, List<Bidder> bidders, double pace) throws Exception {
        int n = bidders.size();
        say(String.format(java.util.Locale.ROOT, "round %d: %d clients submitting %s for %.1f s (after %.1f s "
                + "warm-up)", round, n, pace > 0 ? String.format(java.util.Locale.ROOT, "once every %.1f s", pace)
                : "back to back", options.durationSeconds(), options.warmupSeconds()));
        java.util.SplittableRandom phases = new java.util.SplittableRandom(options.seed() + round);
        long start = System.nanoTime();
        long from = start + (long) (options.warmupSeconds() * 1e9);
        long until = from + (long) (options.durationSeconds() * 1e9);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong lastEnd = new AtomicLong(from);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        PgSampler sampler = new PgSampler(database, from, until);
        Thread sampling = new Thread(sampler, "bench-pg-sampler");
        sampling.setDaemon(true);
        sampling.start();
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (Bidder b : bidders) {
                long phase = (long) (phases.nextDouble() * pace * 1e9);
                futures.add(pool.submit(() -> {
                    long[] latencies = new long[1024];
                    int count = 0;
                    long t0;
                    long next = start + phase;
                    while ((t0 = System.nanoTime()) < until) {
                        if (pace > 0) {
                            if (t0 < next) {
                                Thread.sleep((next - t0) / 1_000_000, (int) ((next - t0) % 1_000_000));
                                t0 = System.nanoTime();
                            }
                            next += (long) (pace * 1e9);
                        }
                        HttpResponse<String> response = submit(round, b);
                        long t1 = System.nanoTime();
                        if (t0 < from) {
                            if (response.statusCode() != 201) {
                                note(problems, response);
                            }
                            continue;
                        }
                        statuses.merge(response.statusCode(), 1L, Long::sum);
                        lastEnd.accumulateAndGet(t1, Math::max);
                        if (accepted(response)) {
                            if (count == latencies.length) {
                                latencies = Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = t1 - t0;
                        } else {
                            note(problems, response);
                        }
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : futures) {
                all.add(f.get());
            }
            sampling.join(5_000);
            long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            double seconds = (lastEnd.get() - from) / 1e9;
            Baseline baseline = inserts(n);
            int bidsEach = (int) Math.round(bidders.stream().mapToInt(b -> b.bids).average().orElseThrow());
            Measurement m = new Measurement(round, n, pace, bidsEach, latencies.length, new TreeMap<>(statuses),
                    List.copyOf(problems), seconds, latencies.length / seconds, millis(percentile(latencies, 50)),
                    millis(percentile(latencies, 99)), millis(latencies.length == 0 ? 0 : latencies[latencies.length - 1]),
                    baseline, sampler.counts());
            say(String.format(java.util.Locale.ROOT, "  %,d accepted, %.1f/s, p50 %.1f ms, p99 %.1f ms; inserts %.0f/s"
                            + " on %d connections", m.accepted(), m.acceptedPerSecond(), m.p50Millis(),
                    m.p99Millis(), baseline.insertsPerSecond(), baseline.connections()));
            return m;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static void note(List<String> problems, HttpResponse<String> response) {
        if (problems.size() < 5) {
            problems.add(response.statusCode() + " " + abbreviate(response.body()));
        }
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    // --- round closes

    /** The close the scheduler makes for a due round, timed from the call to its commit. */
    private Close close(int round, int records) {
        long t0 = System.nanoTime();
        rounds.close(AuctionId.of(auction), StageId.of(IntakeDirective.STAGE), round, clock.instant()).block(WAIT);
        double ms = (System.nanoTime() - t0) / 1e6;
        ClockEngines.LiveClock after = engine(round);
        if (after.stage().rounds().size() != round) {
            throw new IllegalStateException("round " + round + " did not close");
        }
        return new Close(round, ms, records, after.next().isEmpty());
    }

    // --- PostgreSQL's own rate

    /**
     * Single-row inserts, each its own transaction committed with the server's durable settings, from
     * {@code concurrency} JDBC connections (fewer if the server has not that many free), timed as the submissions are.
     */
    private Baseline inserts(int concurrency) throws Exception {
        int connections;
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_insert (id bigserial primary key, "
                    + "at timestamptz not null default now(), payload text not null)");
            int max = intQuery(s, "select setting::int from pg_settings where name = 'max_connections'");
            int used = intQuery(s, "select count(*)::int from pg_stat_activity");
            connections = Math.max(1, Math.min(concurrency, max - used - 10));
        }
        long start = System.nanoTime();
        long from = start + (long) (options.warmupSeconds() * 1e9);
        long until = from + (long) (options.durationSeconds() * 1e9);
        AtomicLong lastEnd = new AtomicLong(from);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                futures.add(pool.submit(() -> {
                    try (Connection c = database.connect();
                         PreparedStatement insert = c.prepareStatement("insert into bench_insert (payload) values (?)")) {
                        c.setAutoCommit(true);
                        long[] latencies = new long[1024];
                        int count = 0;
                        long t0;
                        while ((t0 = System.nanoTime()) < until) {
                            insert.setString(1, "bench intake " + t0);
                            insert.executeUpdate();
                            long t1 = System.nanoTime();
                            if (t0 >= from) {
                                if (count == latencies.length) {
                                    latencies = Arrays.copyOf(latencies, count * 2);
                                }
                                latencies[count++] = t1 - t0;
                                lastEnd.accumulateAndGet(t1, Math::max);
                            }
                        }
                        return Arrays.copyOf(latencies, count);
                    }
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : futures) {
                all.add(f.get());
            }
            long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            double seconds = (lastEnd.get() - from) / 1e9;
            return new Baseline(connections, latencies.length, seconds, latencies.length / seconds,
                    millis(percentile(latencies, 50)), millis(percentile(latencies, 99)));
        } finally {
            pool.shutdownNow();
        }
    }

    private static int intQuery(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Samples what the database's client sessions are doing every 20 ms during a measurement: state and wait event
     * ({@code active / Lock:transactionid} is a session waiting for a row lock another transaction holds;
     * {@code idle in transaction / Client:ClientRead} a transaction waiting for the service to send its next
     * statement; {@code active / CPU} one running).
     */
    private static final class PgSampler implements Runnable {

        private final BenchDatabase database;
        private final long from;
        private final long until;
        private final Map<String, Long> counts = new TreeMap<>();

        PgSampler(BenchDatabase database, long from, long until) {
            this.database = database;
            this.from = from;
            this.until = until;
        }

        @Override
        public void run() {
            try (Connection c = database.connect();
                 PreparedStatement q = c.prepareStatement("select state, coalesce(wait_event_type || ':' || "
                         + "wait_event, 'CPU') from pg_stat_activity where datname = current_database() and "
                         + "backend_type = 'client backend' and pid <> pg_backend_pid() "
                         + "and application_name not like 'PostgreSQL JDBC%'")) {
                while (System.nanoTime() < until) {
                    if (System.nanoTime() >= from) {
                        try (ResultSet rs = q.executeQuery()) {
                            synchronized (counts) {
                                while (rs.next()) {
                                    counts.merge(rs.getString(1) + " / " + rs.getString(2), 1L, Long::sum);
                                }
                            }
                        }
                    }
                    Thread.sleep(20);
                }
            } catch (SQLException | InterruptedException e) {
                synchronized (counts) {
                    counts.put("sampling failed: " + e.getMessage(), 0L);
                }
            }
        }

        Map<String, Long> counts() {
            synchronized (counts) {
                Map<String, Long> sorted = new LinkedHashMap<>();
                counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
                return sorted;
            }
        }
    }

    // --- what is stored

    /** CLOCK_BIDS_SUBMITTED records in the auction's transcript, and stored bid versions: one per 201. */
    private long[] storedCounts() throws SQLException {
        try (Connection c = database.connect();
             PreparedStatement t = c.prepareStatement("select count(*) from transcript where chain = ? "
                     + "and type = 'CLOCK_BIDS_SUBMITTED'");
             PreparedStatement b = c.prepareStatement("select count(*) from clock_bid where auction_id = ?")) {
            t.setString(1, "auction:" + auction);
            b.setObject(1, auction);
            long[] counts = new long[2];
            try (ResultSet rs = t.executeQuery()) {
                rs.next();
                counts[0] = rs.getLong(1);
            }
            try (ResultSet rs = b.executeQuery()) {
                rs.next();
                counts[1] = rs.getLong(1);
            }
            return counts;
        }
    }

    private String postgresVersion() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    // --- plumbing

    private HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("could not " + what + ": expected " + status + ", got "
                    + response.statusCode() + " " + abbreviate(response.body()));
        }
        return response.body();
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }

    private interface Task<T> {
        void run(T t) throws Exception;
    }

    /** Runs the task for every item on a few threads; the first failure is thrown. */
    private static <T> void parallel(List<T> items, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(items.size(), 64));
        AtomicBoolean failed = new AtomicBoolean();
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit((Callable<Void>) () -> {
                    if (!failed.get()) {
                        try {
                            task.run(item);
                        } catch (Exception e) {
                            failed.set(true);
                            throw e;
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void say(String message) {
        progress.println("bench intake: " + message);
        progress.flush();
    }

    /**
     * zonky logs every line of initdb and the postmaster at INFO before Spring has configured logging; the
     * benchmark's standard error is its progress, so only warnings of it are kept (when logback is the backend).
     */
    private static void quietEmbeddedPostgresLog() {
        if (org.slf4j.LoggerFactory.getLogger("io.zonky") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static long totalMemoryMb() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024 * 1024);
        }
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("bench intake: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
