package io.jenkins.plugins.gocontainer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code gocb}: builds Go services into small, correctly tagged container images with BuildKit. */
@Command(name = "gocb",
    mixinStandardHelpOptions = true,
    versionProvider = Gocb.Version.class,
    description = "Builds Go services into small, correctly tagged container images with BuildKit.",
    subcommands = {BuildCommand.class, DockerfileCommand.class, BuilderCommand.class, CommandLine.HelpCommand.class})
public final class Gocb {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Gocb());
        commandLine.setParameterExceptionHandler((ex, args) -> {
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
