package io.jenkins.plugins.gocontainer.plan;

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

    @Test
    void classesAndDoubleStarsFollowMobysPatternMatcher() {
        assertThat(DockerIgnore.parse("[!a]*.mod\n").excludingLine("go.mod")).isEmpty();
        assertThat(DockerIgnore.parse("[^a]*.mod\n").excludingLine("go.mod")).contains("[^a]*.mod");
        assertThat(DockerIgnore.parse("**.sum\n").excludingLine("go.sum")).isEmpty();
        assertThat(DockerIgnore.parse("**.sum\n").excludingLine("a/.sum")).contains("**.sum");
        assertThat(DockerIgnore.parse("vendor/**\n").excludingLine("vendor/modules.txt")).contains("vendor/**");
    }
}
