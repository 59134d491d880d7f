package io.jenkins.plugins.gocontainer.gomod;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one mode made: the part of {@link ModuleFetchResult} that differs between vendor and download. */
record ModeOutcome(int moduleCount, long bytes, Path location, Map<String, String> buildEnvironment, List<String> notes) {

    ModeOutcome {
        buildEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(buildEnvironment));
        notes = List.copyOf(notes);
    }
}
