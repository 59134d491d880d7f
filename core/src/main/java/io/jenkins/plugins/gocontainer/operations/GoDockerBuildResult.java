package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.gates.GateOutcome;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link GoDockerBuild} produced. Immutable and serializable; {@link #toMap()} is the
 * {@code goDockerBuild} step's return value and {@code gocb build --format json}'s output.
 *
 * @param image        the repository pushed to; null for an OCI archive
 * @param pinned       {@code image@digest}; null for an OCI archive
 * @param candidate    the immutable candidate reference ({@code repo:sha-abc1234}) of a build tagged from git; else null
 * @param tags         every reference placed, the candidate first
 * @param withheld     references not placed because a quality gate failed
 * @param version      stamped into the binary and the labels
 * @param revision     the commit, when the build was tagged from git
 * @param size         compressed bytes of the image (of the largest platform for an index)
 * @param platformSizes compressed bytes per platform
 * @param gateTable    the gate report as a table for people; empty without gates
 * @param durations    milliseconds per phase: plan, build, push, gates, total
 */
public record GoDockerBuildResult(String image, String digest, String configDigest, String mediaType, String pinned, String candidate,
                                  List<String> tags, List<String> withheld, String version, String revision, List<String> platforms,
                                  Long size, Map<String, Long> platformSizes, String ociArchive, List<GateRow> gates, String gateTable,
                                  GateOutcome outcome, String driver, String builder, Map<String, String> labels, List<String> notes,
                                  Map<String, Long> durations) implements Serializable {

    private static final long serialVersionUID = 1L;

    public GoDockerBuildResult {
        tags = List.copyOf(tags);
        withheld = List.copyOf(withheld);
        platforms = List.copyOf(platforms);
        platformSizes = Collections.unmodifiableMap(new LinkedHashMap<>(platformSizes));
        gates = List.copyOf(gates);
        gateTable = gateTable == null ? "" : gateTable;
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        notes = List.copyOf(notes);
        durations = Collections.unmodifiableMap(new LinkedHashMap<>(durations));
    }

    /**
     * The result as plain values (String, Long, Boolean, ArrayList, LinkedHashMap), which a CPS
     * pipeline keeps across a restart and reads in the sandbox.
     */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("image", image);
        map.put("digest", digest);
        map.put("configDigest", configDigest);
        map.put("mediaType", mediaType);
        map.put("pinned", pinned);
        map.put("candidate", candidate);
        map.put("tags", new ArrayList<>(tags));
        map.put("withheld", new ArrayList<>(withheld));
        map.put("version", version);
        map.put("revision", revision);
        map.put("platforms", new ArrayList<>(platforms));
        map.put("size", size);
        map.put("platformSizes", new LinkedHashMap<>(platformSizes));
        map.put("ociArchive", ociArchive);
        ArrayList<Object> gateMaps = new ArrayList<>();
        gates.forEach(gate -> gateMaps.add(gate.toMap()));
        map.put("gates", gateMaps);
        map.put("outcome", outcome.name());
        map.put("engine", GoDockerBuild.GO_ENGINE.equals(driver) ? BuildEngine.GO.id() : BuildEngine.BUILDKIT.id());
        map.put("driver", driver);
        map.put("builder", builder);
        map.put("labels", new LinkedHashMap<>(labels));
        map.put("notes", new ArrayList<>(notes));
        map.put("durations", new LinkedHashMap<>(durations));
        return map;
    }
}
