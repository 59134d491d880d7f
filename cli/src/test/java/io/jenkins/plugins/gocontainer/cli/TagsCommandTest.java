package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.tags.GitFixture;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gocb tags} in-process, on real repositories made in temporary directories. */
class TagsCommandTest {

    private static final Instant COMMIT_TIME = Instant.parse("2026-11-22T03:35:00Z");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int tags(Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new TagsCommand(environment));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static String releasedRepository(Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            String head = repo.write("main.go", "package main\n").commit("hello", COMMIT_TIME);
            repo.annotatedTag("v1.4.0").remote("origin", "git@github.com:acme/hello.git");
            return head;
        }
    }

    @Test
    void jsonHasTheVersionTagsRefsLabelsAndNotes(@TempDir Path dir) {
        String head = releasedRepository(dir);

        int exit = tags(Map.of(), "--context", dir.toString(), "--image", "127.0.0.1:5000/acme/hello", "--format", "json");

        assertThat(exit).as(err.toString()).isZero();
        Map<String, Object> json = Json.parseObject(out.toString());
        assertThat(json).containsOnlyKeys("version", "tags", "refs", "labels", "notes");
        assertThat(json.get("version")).isEqualTo("1.4.0");
        List<String> expectedTags = List.of("1.4.0", "1.4", "1", "main", "sha-" + head.substring(0, 7), "latest");
        assertThat(json.get("tags")).isEqualTo(expectedTags);
        assertThat(json.get("refs")).isEqualTo(expectedTags.stream().map(tag -> "127.0.0.1:5000/acme/hello:" + tag).toList());
        assertThat(json.get("labels")).isEqualTo(Map.of(
            "org.opencontainers.image.created", "2026-11-22T03:35:00Z",
            "org.opencontainers.image.revision", head,
            "org.opencontainers.image.source", "https://github.com/acme/hello.git",
            "org.opencontainers.image.title", dir.getFileName().toString(),
            "org.opencontainers.image.version", "1.4.0"));
        assertThat(json.get("notes")).isEqualTo(List.of());
    }

    @Test
    void humanOutputListsTheResultAndNotesGoToStandardError(@TempDir Path dir) {
        String head;
        try (GitFixture repo = GitFixture.init(dir)) {
            head = repo.write("main.go", "package main\n").commit("hello", COMMIT_TIME);
        }

        int exit = tags(Map.of("BRANCH_NAME", "feature/login"), "-C", dir.toString(), "--title", "hello");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("version: 0.0.0-20261122033500-" + head.substring(0, 12))
            .contains("tags:\n  feature-login\n  sha-" + head.substring(0, 7) + "\n")
            .contains("  org.opencontainers.image.title=hello")
            .doesNotContain("refs:");
        assertThat(err.toString()).contains("gocb: note: the repository has no tags at all").contains("git fetch --tags");
    }

    @Test
    void rulesFlavorAndOverridesFromTheCommandLine(@TempDir Path dir) {
        String head = releasedRepository(dir);

        int exit = tags(Map.of("GITHUB_ACTIONS", "true", "GITHUB_REF", "refs/pull/7/merge"), "-C", dir.toString(), "--format", "json",
            "--tag", "type=ref,event=pr", "--tag", "type=sha,format=long", "--tag", "type=semver,pattern={{raw}}",
            "--suffix", "-alpine", "--suffix-on-latest", "--latest", "true");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Json.parseObject(out.toString()).get("tags"))
            .isEqualTo(List.of("v1.4.0-alpine", "pr-7-alpine", "sha-" + head + "-alpine", "latest-alpine"));
    }

    @Test
    void theGitTagOverrideWinsOverTheRepository(@TempDir Path dir) {
        releasedRepository(dir);

        int exit = tags(Map.of(), "-C", dir.toString(), "--format", "json", "--git-tag", "v2.0.0-rc.1", "--branch", "release/2.x", "--latest", "false");

        assertThat(exit).as(err.toString()).isZero();
        Map<String, Object> json = Json.parseObject(out.toString());
        assertThat(json.get("version")).isEqualTo("2.0.0-rc.1");
        assertThat(json.get("tags")).asInstanceOf(InstanceOfAssertFactories.list(String.class))
            .startsWith("2.0.0-rc.1", "release-2.x").doesNotContain("latest", "2.0", "2");
    }

    @Test
    void anUnknownPlaceholderIsBadInputNamingTheRule(@TempDir Path dir) {
        releasedRepository(dir);

        int exit = tags(Map.of(), "-C", dir.toString(), "--tag", "type=semver,pattern={{mayor}}");

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("gocb: error: invalid tag rule 'type=semver,pattern={{mayor}}'")
            .contains("unknown placeholder '{{mayor}}'").contains("Fix:");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anInvalidTagIsBadInputAndJsonReportsIt(@TempDir Path dir) {
        releasedRepository(dir);

        int exit = tags(Map.of(), "-C", dir.toString(), "--format", "json", "--tag", "type=raw,value=feature/x");

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
        Map<?, ?> error = (Map<?, ?>) Json.parseObject(out.toString()).get("error");
        assertThat(error.get("type")).isEqualTo("InvalidDockerTagException");
        assertThat((String) error.get("problem")).isEqualTo("invalid image tag 'feature/x' from rule 'type=raw,value=feature/x': it contains '/';"
            + " only letters, digits, '_', '.' and '-' are allowed");
    }

    @Test
    void aDirectoryOutsideGitIsBadInputNamingTheDirectory(@TempDir Path dir) {
        int exit = tags(Map.of(), "-C", dir.toString());

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("not a git repository: " + dir.toAbsolutePath().normalize());
    }

    @Test
    void requireSemverFailsAnUntaggedBuild(@TempDir Path dir) {
        try (GitFixture repo = GitFixture.init(dir)) {
            repo.write("main.go", "package main\n").commit("hello", COMMIT_TIME);
            repo.annotatedTag("v1.0.0");
            repo.write("main.go", "package main // 2\n").commit("more", COMMIT_TIME);
        }

        int exit = tags(Map.of(), "-C", dir.toString(), "--require-semver");

        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("has no semantic-version tag, and one is required (--require-semver)");
    }

    @Test
    void anImageWithATagIsBadInput(@TempDir Path dir) {
        releasedRepository(dir);

        int exit = tags(Map.of(), "-C", dir.toString(), "--image", "127.0.0.1:5000/acme/hello:dev");

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("invalid image reference '127.0.0.1:5000/acme/hello:dev'").contains("without tag");
    }

    @Test
    void anUnknownLatestModeIsBadInput(@TempDir Path dir) {
        releasedRepository(dir);

        assertThat(tags(Map.of(), "-C", dir.toString(), "--latest", "sometimes")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("latest must be auto, true or false");
    }

    @Test
    void gocbRunsTheTagsSubcommand(@TempDir Path dir) {
        assertThat(gocb("tags", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: gocb tags").contains("--require-semver").contains("--git-tag");

        assertThat(gocb("tags", "-C", dir.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("not a git repository: " + dir.toAbsolutePath().normalize());
    }

    private int gocb(String... args) {
        CommandLine gocb = Gocb.commandLine(args);
        gocb.setOut(new PrintWriter(out, true));
        gocb.setErr(new PrintWriter(err, true));
        return gocb.execute(args);
    }
}
