package org.ngms.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.ngms.directive.DirectiveParser;
import org.ngms.shared.Violation;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The offline commands of the jar. Exit codes: 0 success, 2 invalid input (the errors are printed), 1 an I/O failure.
 */
@Command(name = "ngms", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        subcommands = {Cli.Validate.class, WdpCommand.class, VerifyCommand.class, ClockCommand.class,
                ReplayCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        description = "NGMS spectrum auction engine: offline commands.")
public final class Cli implements Runnable {

    public static final Set<String> COMMANDS = Set.of("validate", "wdp", "verify", "clock", "replay", "bench", "help", "--help",
            "-h");

    public static final int INVALID = 2;

    /**
     * Whether {@code args} are a command line for the offline commands rather than the service's start: anything but
     * nothing at all or Spring's own options ({@code --name=value}, {@code --debug}, {@code --trace}). So an unknown
     * word ({@code frobnicate}), {@code --version}, {@code -V} or {@code help} is answered by the command line
     * (usage and exit 2 for what it does not know) and never starts the server.
     */
    public static boolean isCommandLine(String... args) {
        if (args.length == 0) {
            return false;
        }
        for (String arg : args) {
            boolean springOption = arg.startsWith("--") && arg.length() > 2
                    && (arg.indexOf('=') > 2 || arg.equals("--debug") || arg.equals("--trace"));
            if (!springOption) {
                return true;
            }
        }
        return false;
    }

    /** The jar's version, from its Maven metadata ("development build" when run from classes). */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = "development build";
            try (var in = Cli.class.getResourceAsStream("/META-INF/maven/org.ngms/ngms-auction/pom.properties")) {
                if (in != null) {
                    java.util.Properties p = new java.util.Properties();
                    p.load(in);
                    version = p.getProperty("version", version);
                }
            } catch (IOException e) {
                // the version stays "development build"
            }
            return new String[] {"ngms-auction " + version};
        }
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs a command line and returns its exit code; output goes to standard out and error. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Cli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        // every subcommand answers -V / --version with the jar's version (not an empty line)
        Version version = new Version();
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
        // a command line it cannot read: what was wrong, the nearest commands, then the usage; exit 2
        commandLine.setParameterExceptionHandler((e, given) -> {
            PrintWriter to = e.getCommandLine().getErr();
            to.println(e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, to);
            e.getCommandLine().usage(to);
            return INVALID;
        });
        return commandLine.execute(args);
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Validates a policy directive file (YAML, or JSON if it ends in .json) and prints its "
                    + "SHA-256, or every error with its path, rule and value.")
    static final class Validate implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "the directive file")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("cannot read " + file + ": " + e.getMessage());
                return 1;
            }
            boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
            DirectiveParser.Result result = DirectiveParser.parse(text,
                    json ? DirectiveParser.Format.JSON : DirectiveParser.Format.YAML);
            if (result instanceof DirectiveParser.Valid valid) {
                out.println("valid: " + valid.document().directive().id() + " sha256 " + valid.document().sha256());
                return 0;
            }
            var violations = ((DirectiveParser.Invalid) result).violations();
            err.println(file + ": " + violations.size() + " error(s)");
            for (Violation v : violations) {
                err.println("  " + (v.path().isEmpty() ? "(document)" : v.path()) + ": " + v.rule() + ": "
                        + v.message() + (v.value() == null ? "" : " [value: " + v.value() + "]"));
            }
            return INVALID;
        }
    }
}
