package io.jenkins.plugins.gocontainer.goengine;

import io.jenkins.plugins.gocontainer.exec.Command;
import io.jenkins.plugins.gocontainer.exec.ShellQuoting;
import io.jenkins.plugins.gocontainer.plan.GoBinary;
import io.jenkins.plugins.gocontainer.plan.ModuleSource;
import io.jenkins.plugins.gocontainer.plan.Platform;
import io.jenkins.plugins.gocontainer.plan.VersionStamps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code go build} of one platform, as the generated Dockerfile runs it: no cgo, {@code -trimpath},
 * no VCS stamping (the version stamps say it), {@code -s -w} and each {@code -X} of the plan's stamps.
 *
 * @param settings the variables gocb sets for this command (never a credential: those come with the
 *                 private-module session's environment, which is not printed)
 */
record GoBuildCommand(Platform platform, List<String> arguments, Map<String, String> settings, Path output) {

    GoBuildCommand {
        arguments = List.copyOf(arguments);
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    static GoBuildCommand of(GoBinary binary, VersionStamps stamps, Platform platform, Optional<Path> goBuildCache, Path output) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("CGO_ENABLED", "0");
        settings.put("GOOS", platform.os());
        settings.put("GOARCH", platform.architecture());
        if (platform.variant() != null && platform.architecture().equals("arm")) {
            settings.put("GOARM", platform.variant().substring(1));
        }
        if (platform.variant() != null && platform.architecture().equals("amd64")) {
            settings.put("GOAMD64", platform.variant());
        }
        settings.put("GOTOOLCHAIN", "local");
        settings.put("GOWORK", "off");
        goBuildCache.ifPresent(cache -> settings.put("GOCACHE", cache.toString()));
        List<String> arguments = new ArrayList<>(List.of("build", "-trimpath", "-buildvcs=false"));
        if (binary.moduleSource() instanceof ModuleSource.Vendor) {
            arguments.add("-mod=vendor");
        } else if (binary.moduleSource() instanceof ModuleSource.ProxyDirectory proxy) {
            // Only the agent's module cache: no network, as in the generated Dockerfile. go.sum still verifies every module.
            settings.put("GOPROXY", proxy.downloadDirectory().toUri().toString().replaceAll("/$", "") + ",off");
            settings.put("GOSUMDB", "off");
            settings.put("GOFLAGS", "-mod=mod");
        }
        StringBuilder ldflags = new StringBuilder("-s -w");
        stamps.stamps().forEach(stamp -> ldflags.append(" -X '").append(stamp.variable()).append('=').append(stamp.value()).append('\''));
        arguments.add("-ldflags=" + ldflags);
        arguments.add("-o");
        arguments.add(output.toString());
        arguments.add(binary.mainPackage());
        return new GoBuildCommand(platform, arguments, settings, output);
    }

    Command command(Path go, Map<String, String> environment, Path moduleRoot) {
        List<String> argv = new ArrayList<>();
        argv.add(go.toString());
        argv.addAll(arguments);
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(settings);
        return new Command(argv, merged, moduleRoot);
    }

    /** The command line as the log and {@code --dry-run} show it: gocb's settings, then go's arguments. */
    String describe() {
        List<String> words = new ArrayList<>();
        settings.forEach((name, value) -> words.add(name + "=" + value));
        words.add("go");
        words.addAll(arguments);
        return ShellQuoting.join(words);
    }
}
