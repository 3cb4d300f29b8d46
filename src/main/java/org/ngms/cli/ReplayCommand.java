package org.ngms.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.ngms.NgmsApplication;
import org.ngms.directive.InvalidScenarioException;
import org.ngms.replay.ScenarioReplay;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code replay SCENARIO_DIR}: runs a scenario's scripted bids through the real stages on the service's database (the
 * embedded one unless a database is configured) and prints a JSON summary. Regulators use it for mock auctions.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replays a scenario (directive.yaml, bidders.yaml, sealed-bids.yaml, clock-bids.yaml) through "
                + "the real stages and prints per stage its result and rounds, per bidder its lots and total price, "
                + "the unsold lots and the revenue (whole USD).")
final class ReplayCommand implements Callable<Integer> {

    /** Exit status of a replay whose outcome differs from the scenario's published one. */
    static final int NOT_REPRODUCED = 1;

    @Parameters(paramLabel = "SCENARIO_DIR", description = "a scenario directory, e.g. scenarios/pk-ngms-2021")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NgmsApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // the JSON summary is standard output: the log (also on standard output) only speaks of errors
                .properties("ngms.stages.scheduler=false", "logging.level.root=ERROR")
                .run()) {
            var summary = new ScenarioReplay(context).run(directory);
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(summary));
            if (!summary.path("matchesPublished").asBoolean(false)) {
                err.println("the replay does not reproduce the published outcome:");
                summary.path("mismatches").forEach(m -> err.println("  " + m.asString()));
                return NOT_REPRODUCED;
            }
            return 0;
        } catch (InvalidScenarioException e) {
            err.println(e.getMessage());
            return Cli.INVALID;
        }
    }
}
