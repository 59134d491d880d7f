package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.buildkit.ImageBuilder;
import io.jenkins.plugins.gocontainer.goengine.GoEngine;
import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.DockerfileSource;
import io.jenkins.plugins.gocontainer.registry.ImageReference;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What a build would do, without doing it: the plan described for people, the exact client
 * command (secrets masked), the names it pushes and the tags added afterwards by digest.
 */
public record GoDockerBuildPlan(String description, String driver, String builder, List<String> command, List<String> names,
                                List<String> thenTagged, String generatedDockerfile) implements Serializable {

    private static final long serialVersionUID = 1L;

    public GoDockerBuildPlan {
        command = List.copyOf(command);
        names = List.copyOf(names);
        thenTagged = List.copyOf(thenTagged);
    }

    static GoDockerBuildPlan of(BuildPlan plan, ImageBuilder planned, List<String> thenTagged) throws IOException {
        return new GoDockerBuildPlan(planned.dryRun(plan), planned.driver().name(), planned.driver().builderDescription(),
            planned.plannedCommand(plan).argv(), plan.imageNames().stream().map(ImageReference::toString).toList(), thenTagged,
            plan.dockerfile() instanceof DockerfileSource.Generated generated ? generated.content() : null);
    }

    /** The go engine's plan: the compile commands instead of a BuildKit client's, and no Dockerfile (it reads none). */
    static GoDockerBuildPlan of(BuildPlan plan, GoEngine engine, List<String> thenTagged) {
        return new GoDockerBuildPlan(engine.describe(plan), GoDockerBuild.GO_ENGINE, "the agent's go (no builder)", engine.commands(plan),
            plan.imageNames().stream().map(ImageReference::toString).toList(), thenTagged, null);
    }

    /** The plan as text: what {@code --dry-run} prints. */
    public String text() {
        if (thenTagged.isEmpty()) {
            return description;
        }
        return description + "\nThen tagged by digest, without rebuilding: " + String.join(", ", thenTagged) + "\n";
    }

    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("engine", GoDockerBuild.GO_ENGINE.equals(driver) ? BuildEngine.GO.id() : BuildEngine.BUILDKIT.id());
        map.put("driver", driver);
        map.put("builder", builder);
        map.put("command", new ArrayList<>(command));
        map.put("names", new ArrayList<>(names));
        map.put("thenTagged", new ArrayList<>(thenTagged));
        map.put("generatedDockerfile", generatedDockerfile);
        return map;
    }
}
