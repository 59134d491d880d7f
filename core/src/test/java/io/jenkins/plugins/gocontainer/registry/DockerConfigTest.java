package io.jenkins.plugins.gocontainer.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DockerConfigTest {

    private static String auth(String userAndPassword) {
        return Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAuthUsernamePasswordAndIdentityTokenEntries(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.json"), """
            {"auths": {
              "https://index.docker.io/v1/": {"auth": "%s"},
              "registry.example.com:5000": {"username": "bot", "password": "p@ss:word"},
              "ghcr.example.com": {"identitytoken": "refresh-token"},
              "empty.example.com": {}
            }}""".formatted(auth("hubuser:hub:secret")));
        DockerConfig config = DockerConfig.load(Map.of("DOCKER_CONFIG", dir.toString()), Path.of("/nonexistent"));

        assertThat(config.credentialsFor("docker.io")).contains(new RegistryCredentials("hubuser", "hub:secret"));
        assertThat(config.credentialsFor("registry.example.com:5000")).contains(new RegistryCredentials("bot", "p@ss:word"));
        assertThat(config.credentialsFor("ghcr.example.com")).contains(new RegistryCredentials("<token>", "refresh-token"));
        assertThat(config.credentialsFor("empty.example.com")).isEmpty();
        assertThat(config.credentialsFor("registry.example.com")).as("the port is part of the registry").isEmpty();
    }

    @Test
    void homeConfigIsUsedWithoutDockerConfigVariableAndAbsentFileIsEmpty(@TempDir Path home) throws Exception {
        assertThat(DockerConfig.load(Map.of(), home).credentialsFor("docker.io")).isEmpty();
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{\"http://127.0.0.1:5000\":{\"auth\":\"" + auth("u:p") + "\"}}}");
        assertThat(DockerConfig.load(Map.of(), home).credentialsFor("127.0.0.1:5000")).contains(new RegistryCredentials("u", "p"));
    }

    @Test
    void malformedEntriesAndFilesAreClearErrorsWithoutTheSecret(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\"auths\":{\"r.example.com\":{\"auth\":\"" + auth("no-colon-secret") + "\"}}}");
        RegistryException malformed = catchThrowableOfType(RegistryException.class,
            () -> DockerConfig.load(dir.resolve("config.json")).credentialsFor("r.example.com"));
        assertThat(malformed.getMessage()).contains("r.example.com").contains("malformed").contains("docker login").doesNotContain("no-colon-secret");

        Files.writeString(dir.resolve("config.json"), "{\"auths\": ");
        RegistryException broken = catchThrowableOfType(RegistryException.class, () -> DockerConfig.load(dir.resolve("config.json")));
        assertThat(broken.getMessage()).contains(dir.resolve("config.json").toString()).contains("line 1");
    }

    @Test
    void credentialsNeverPrintThePassword() {
        assertThat(new RegistryCredentials("ci", "hunter2-password").toString()).contains("ci").doesNotContain("hunter2-password");
    }
}
