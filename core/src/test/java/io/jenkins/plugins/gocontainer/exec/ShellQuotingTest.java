package io.jenkins.plugins.gocontainer.exec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShellQuotingTest {

    @ParameterizedTest
    @ValueSource(strings = {"buildctl", "--opt", "build-arg:VERSION=1.2.3", "type=image,name=127.0.0.1:5000/x:1,push=true",
        "/usr/local/bin/go", "user@host", "50%", "a+b", "./cmd/server"})
    void leavesSafeWordsUnquoted(String word) {
        assertThat(ShellQuoting.quote(word)).isEqualTo(word);
    }

    @ParameterizedTest
    @ValueSource(strings = {"two words", "it's", "say \"hi\"", "$HOME", "`id`", "a;b", "a|b", "a&b", "*", "?", "[x]", "~",
        "#comment", "(x)", "{x}", "<in", ">out", "back\\slash", "tab\there", "new\nline", "!bang"})
    void quotesWordsTheShellWouldInterpret(String word) {
        assertThat(ShellQuoting.quote(word)).isNotEqualTo(word).startsWith("'").endsWith("'");
    }

    @Test
    void quotesTheEmptyWordSoThatItIsKept() {
        assertThat(ShellQuoting.quote("")).isNotEmpty();
    }

    @Test
    void shReproducesTheArgvFromTheJoinedLine() throws Exception {
        List<String> words = List.of("plain", "two words", "it's", "say \"hi\"", "", "$HOME", "${PATH}", "`id`", "$(id)",
            "a;b|c&d", "*", "?", "[ab]", "~", "~root", "#not-a-comment", "(x)", "{x,y}", "<in>out", "back\\slash", "tab\there",
            "'", "''", "\"", "'\"'\"'", "!bang", "x=y", "--opt=a,b:c/d@e%f+g", "üñïçødé", "  lead and trail  ");

        assertThat(runThroughSh(words)).containsExactlyElementsOf(words);
    }

    @Test
    void shReproducesAWordWithANewline() throws Exception {
        List<String> words = List.of("first\nsecond", "last");

        List<String> lines = runThroughSh(words);

        assertThat(String.join("\n", lines)).isEqualTo(String.join("\n", words));
    }

    @Test
    void commandLineOfACommandIsTheJoinedArgv() throws Exception {
        Command command = Command.of("printf", "%s\\n", "a b", "c'd");

        List<String> lines = new CommandRunner(SecretMasker.none(), System.getenv()).capture(Command.of("/bin/sh", "-c", command.toCommandLine()));

        assertThat(lines).containsExactly("a b", "c'd");
    }

    private static List<String> runThroughSh(List<String> words) throws Exception {
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\n"));
        argv.addAll(words);
        String script = ShellQuoting.join(argv);
        return new CommandRunner(SecretMasker.none(), System.getenv()).capture(Command.of("/bin/sh", "-c", script));
    }

    @Test
    void aFirstWordTheShellWouldReadAsAssignmentOrKeywordIsQuoted() {
        assertThat(ShellQuoting.join(List.of("FOO=bar", "x=y"))).isEqualTo("'FOO=bar' x=y");
        assertThat(ShellQuoting.join(List.of("if", "then"))).isEqualTo("'if' then");
        assertThat(ShellQuoting.join(List.of("buildctl", "if"))).isEqualTo("buildctl if");
    }
}
