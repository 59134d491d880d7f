import io.jenkins.plugins.gocontainer.exec.OutputSink;
import io.jenkins.plugins.gocontainer.operations.BuilderSettings;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuild;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuildResult;
import io.jenkins.plugins.gocontainer.operations.GoDockerBuildSpec;
import io.jenkins.plugins.gocontainer.operations.OperationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The in-process benchmark's timing loop, run with the gocb jar on the class path:
 * each round times (a) GoDockerBuild.run in this one warm JVM, (b) the raw buildctl command and
 * (c) bin/gocb build, in turn, so that all three see the same builder and machine state.
 * Prints one line per variant: its name, then the milliseconds of every round; then the mean
 * milliseconds of each phase of (a), as its result's durations report them.
 *   java -cp gocb.jar InProcess.java ROUNDS CONTEXT ADDRESS BASE_IMAGE IMAGE RAW_COMMAND GOCB ARGS...
 */
public class InProcess {

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        GoDockerBuildSpec spec = GoDockerBuildSpec.builder()
            .context(args[1])
            .buildkit(new BuilderSettings(args[2], null, null, null, null, BuilderSettings.Driver.BUILDCTL, null, null))
            .baseImage(args[3])
            .image(args[4])
            .build();
        List<String> raw = List.of("bash", "-c", args[5]);
        List<String> gocb = Arrays.asList(args).subList(6, args.length);
        OperationContext context = OperationContext.of(Path.of(args[1]).toAbsolutePath(), System.getenv(), OutputSink.discard());

        GoDockerBuild operation = new GoDockerBuild();
        operation.run(spec, context); // warms the JVM and the builder's cache alike
        List<Long> inProcess = new ArrayList<>(), rawTimes = new ArrayList<>(), gocbTimes = new ArrayList<>();
        Map<String, Long> phases = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            GoDockerBuildResult result = operation.run(spec, context);
            inProcess.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            result.durations().forEach((phase, millis) -> phases.merge(phase, millis, Long::sum));
            rawTimes.add(timeProcess(raw));
            gocbTimes.add(timeProcess(gocb));
        }
        print("in-process", inProcess);
        print("raw", rawTimes);
        print("gocb", gocbTimes);
        StringBuilder mean = new StringBuilder("phases");
        phases.forEach((phase, total) -> mean.append(' ').append(phase).append('=').append(total / rounds));
        System.out.println(mean);
    }

    private static long timeProcess(List<String> command) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void print(String name, List<Long> times) {
        StringBuilder line = new StringBuilder(name);
        times.forEach(time -> line.append(' ').append(time));
        System.out.println(line);
    }
}
