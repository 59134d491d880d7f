package io.jenkins.plugins.gocontainer.cli;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The registries gocb and BuildKit speak to without verified TLS: one option for every command that reaches a registry. */
final class InsecureRegistryOptions {

    @Option(names = "--insecure-registry", paramLabel = "HOST:PORT",
        description = "a registry spoken to over HTTP or unverified TLS; repeatable (loopback registries always are)")
    List<String> hosts = new ArrayList<>();
}
