package io.jenkins.plugins.gocontainer.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainPackageSourceTest {

    @Test
    void goreleasersVarBlockDeclaresThreeStrings() {
        MainPackageSource source = MainPackageSource.parse(List.of("""
            package main

            import "fmt"

            var (
            \tversion = "dev"
            \tcommit  = "none"
            \tdate    = "unknown"
            )

            func main() { fmt.Println(version, commit, date) }
            """));

        assertThat(source.stringVariables()).containsExactly("version", "commit", "date");
        assertThat(source.imports()).containsExactly("fmt");
    }

    @Test
    void onlyStringsThatMinusXCanSetAreCounted() {
        MainPackageSource source = MainPackageSource.parse(List.of("""
            package main

            var typed string
            var typedAndSet string = `raw`
            var a, b string
            var c, d = "x", computed()
            var number = 42
            var typedOther int
            var list = []string{"a"}
            var fromCall = computed()
            var joined = "a" + "b"
            var (
            \tinBlock string; alsoInBlock = "y"
            \tmultiLine = strings.Join([]string{
            \t\t"a",
            \t}, ",")
            \tafter = "z"
            )
            const constant = "c"

            func computed() string {
            \tvar local = "not top level"
            \treturn local
            }
            """));

        assertThat(source.stringVariables()).containsExactlyInAnyOrder("typed", "typedAndSet", "a", "b", "c", "inBlock", "alsoInBlock", "after");
    }

    @Test
    void commentsAndStringsThatLookLikeDeclarationsAreNot() {
        MainPackageSource source = MainPackageSource.parse(List.of("""
            package main

            // var commented = "x"
            /* var blockCommented = "x"
            var alsoCommented string */
            var message = "var quoted = \\"x\\""
            var r = '"'
            var date = "2026" // a comment after it
            """));

        assertThat(source.stringVariables()).containsExactly("message", "date");
    }

    @Test
    void importsSingleGroupedAndAliased() {
        MainPackageSource source = MainPackageSource.parse(List.of("""
            package main

            import "os"
            import (
            \t"fmt"
            \tpv "github.com/prometheus/common/version"
            \t_ "embed"
            )

            func main() {}
            """));

        assertThat(source.imports()).containsExactly("os", "fmt", "github.com/prometheus/common/version", "embed");
    }

    @Test
    void testFilesIgnoredFilesAndOtherPackagesAreLeftOut(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("main.go"), "package main\n\nvar version = \"dev\"\n\nfunc main() {}\n");
        Files.writeString(directory.resolve("main_test.go"), "package main\n\nvar commit = \"test\"\n");
        Files.writeString(directory.resolve("gen.go"), "//go:build ignore\n\npackage main\n\nvar date = \"gen\"\n");
        Files.writeString(directory.resolve("doc.go"), "// Package doc is documentation.\npackage main\n\nimport \"embed\"\n\nvar builtBy string\n");
        Files.writeString(directory.resolve("other.go.txt"), "package main\n\nvar notGo string\n");

        MainPackageSource source = MainPackageSource.read(directory);

        assertThat(source.stringVariables()).containsExactlyInAnyOrder("version", "builtBy");
        assertThat(source.imports()).containsExactly("embed");
        assertThat(MainPackageSource.parse(List.of("package lib\n\nvar version = \"1\"\n")).stringVariables()).isEmpty();
    }
}
