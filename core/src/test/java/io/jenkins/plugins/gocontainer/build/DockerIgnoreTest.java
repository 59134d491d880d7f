package io.jenkins.plugins.gocontainer.build;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DockerIgnoreTest {

    @Test
    void wildcardsDirectoriesAndExceptionsAsBuildKitAppliesThem() {
        DockerIgnore ignore = DockerIgnore.parse("""
            # comment
            *.sum
            /vendor/
            **/testdata
            docs
            !docs/keep.md
            """);

        assertThat(ignore.excludingLine("go.sum")).contains("*.sum");
        assertThat(ignore.excludingLine("go.mod")).isEmpty();
        assertThat(ignore.excludingLine("vendor/modules.txt")).contains("/vendor/");
        assertThat(ignore.excludingLine("a/b/testdata/x.json")).contains("**/testdata");
        assertThat(ignore.excludingLine("docs/readme.md")).contains("docs");
        assertThat(ignore.excludingLine("docs/keep.md")).isEmpty();
        assertThat(ignore.excludingLine("sub/go.sum")).isEmpty();
    }

    @Test
    void everythingExceptIsTheUsualWhitelistStyle() {
        DockerIgnore ignore = DockerIgnore.parse("*\n!go.mod\n!*.go\n");

        assertThat(ignore.excludingLine("go.mod")).isEmpty();
        assertThat(ignore.excludingLine("main.go")).isEmpty();
        assertThat(ignore.excludingLine("go.sum")).contains("*");
    }
}
