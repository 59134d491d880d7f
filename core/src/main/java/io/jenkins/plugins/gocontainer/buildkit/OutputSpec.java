package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.BuildPlan;
import io.jenkins.plugins.gocontainer.plan.ImageOutput;

import io.jenkins.plugins.gocontainer.registry.ImageReference;

import java.util.stream.Collectors;

/** The {@code --output} value both BuildKit clients understand, CSV-quoted where needed. */
final class OutputSpec {

    private OutputSpec() {
    }

    static String of(BuildPlan plan) {
        ImageOutput output = plan.output();
        // Layer file times follow SOURCE_DATE_EPOCH only when the exporter rewrites them.
        String rewrite = plan.reproducible() ? ",rewrite-timestamp=true" : "";
        if (output instanceof ImageOutput.RegistryPush push) {
            String names = push.names().stream().map(ImageReference::toString).collect(Collectors.joining(","));
            String nameField = push.names().size() > 1 ? "\"name=" + names + "\"" : "name=" + names;
            return "type=image," + nameField + ",push=true" + (push.insecure() ? ",registry.insecure=true" : "") + rewrite;
        }
        if (output instanceof ImageOutput.LocalDirectory local) {
            return "type=local,dest=" + local.directory();
        }
        ImageOutput.OciArchive archive = (ImageOutput.OciArchive) output;
        return "type=oci,dest=" + archive.file() + rewrite;
    }
}
