package io.jenkins.plugins.gocontainer.buildkit;

import io.jenkins.plugins.gocontainer.plan.ImageOutput;

import io.jenkins.plugins.gocontainer.registry.ImageReference;

import java.util.stream.Collectors;

/** The {@code --output} value both BuildKit clients understand, CSV-quoted where needed. */
final class OutputSpec {

    private OutputSpec() {
    }

    static String of(ImageOutput output) {
        if (output instanceof ImageOutput.RegistryPush push) {
            String names = push.names().stream().map(ImageReference::toString).collect(Collectors.joining(","));
            String nameField = push.names().size() > 1 ? "\"name=" + names + "\"" : "name=" + names;
            return "type=image," + nameField + ",push=true" + (push.insecure() ? ",registry.insecure=true" : "");
        }
        if (output instanceof ImageOutput.LocalDirectory local) {
            return "type=local,dest=" + local.directory();
        }
        ImageOutput.OciArchive archive = (ImageOutput.OciArchive) output;
        return "type=oci,dest=" + archive.file();
    }
}
