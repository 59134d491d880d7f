package io.jenkins.plugins.gocontainer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/** {@code gocb}: builds Go services into small, correctly tagged container images with BuildKit. */
@Command(name = "gocb",
    mixinStandardHelpOptions = true,
    versionProvider = Gocb.Version.class,
    description = "Builds Go services into small, correctly tagged container images with BuildKit.")
public final class Gocb {

    /** Subcommands by name. Only the one invoked is modelled: picocli's reflection is most of gocb's start-up time. */
    private static final Map<String, Function<Map<String, String>, Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("build", BuildCommand::new);
        SUBCOMMANDS.put("dockerfile", environment -> new DockerfileCommand());
        SUBCOMMANDS.put("builder", environment -> new BuilderCommand());
        SUBCOMMANDS.put("push-tags", PushTagsCommand::new);
        SUBCOMMANDS.put("gate", environment -> new GateCommand());
        SUBCOMMANDS.put("tags", TagsCommand::new);
        SUBCOMMANDS.put("lint", environment -> new LintCommand());
        SUBCOMMANDS.put("vendor", environment -> new VendorCommand());
        SUBCOMMANDS.put("known-hosts", environment -> new KnownHostsCommand());
        SUBCOMMANDS.put("help", environment -> new CommandLine.HelpCommand());
        SUBCOMMANDS.put("cds-training", environment -> new CdsTrainingCommand());
    }

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The full command tree, for help and tests. */
    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    static CommandLine commandLine(String[] args) {
        return commandLine(args, System.getenv());
    }

    /** The command tree for {@code args}, with the commands that read CI variables given {@code environment} instead of this process's. */
    static CommandLine commandLine(String[] args, Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new Gocb());
        boolean knownSubcommand = args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("help");
        SUBCOMMANDS.forEach((name, command) -> {
            if (!knownSubcommand || name.equals(args[0])) {
                commandLine.addSubcommand(name, command.apply(environment));
            }
        });
        commandLine.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, ex.getCommandLine().getErr());
            ex.getCommandLine().getErr().println("gocb: error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("  Fix: see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
            return ExitCodes.INVALID_INPUT;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("gocb: internal error: " + ex);
            ex.printStackTrace(cmd.getErr());
            return ExitCodes.FAILED;
        });
        return commandLine;
    }

    /** The version from the build, and the BuildKit versions gocb is tested with. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Gocb.class.getResourceAsStream("/gocb-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {
                "gocb " + properties.getProperty("version", "unknown"),
                "tested with BuildKit v0.32.2 (buildctl, buildkitd) and buildx v0.36.1",
            };
        }
    }
}
