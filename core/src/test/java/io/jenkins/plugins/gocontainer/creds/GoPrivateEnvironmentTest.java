package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.creds.GoPrivateEnvironment.Download;
import io.jenkins.plugins.gocontainer.creds.GoPrivateEnvironment.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoPrivateEnvironmentTest {

    /** 'go help private': GOPRIVATE=*.corp.example.com,rsc.io/private. */
    private static final GoPrivateEnvironment DOC = GoPrivateEnvironment.goPrivate("*.corp.example.com,rsc.io/private");

    @ParameterizedTest
    @ValueSource(strings = {"git.corp.example.com/xyzzy", "rsc.io/private", "rsc.io/private/quux"})
    void goHelpPrivateExamplesArePrivateDirectAndUnchecked(String module) {
        Route route = DOC.route(module);

        assertThat(route.matchedGoPrivate()).isTrue();
        assertThat(route.download()).isEqualTo(Download.DIRECT);
        assertThat(route.usesProxy()).isFalse();
        assertThat(route.checksumDatabase()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsc.io/privateer", "corp.example.com/x", "golang.org/x/text", "rsc.io/quote"})
    void otherModulesUseTheDefaultProxyAndChecksumDatabase(String module) {
        Route route = DOC.route(module);

        assertThat(route.matchedGoPrivate()).isFalse();
        assertThat(route.download()).isEqualTo(Download.PROXY);
        assertThat(route.proxy()).isEqualTo("https://proxy.golang.org");
        assertThat(route.fallbackToDirect()).isTrue();
        assertThat(route.checksumDatabase()).isTrue();
    }

    @Test
    void companyProxyExampleWithGonoproxyNoneProxiesPrivateModules() {
        // 'go help private': GOPRIVATE=*.corp.example.com GOPROXY=proxy.example.com GONOPROXY=none
        GoPrivateEnvironment env = GoPrivateEnvironment.from(Map.of("GOPRIVATE", "*.corp.example.com",
            "GOPROXY", "proxy.example.com", "GONOPROXY", "none"));

        Route route = env.route("git.corp.example.com/team/lib");

        assertThat(route.download()).isEqualTo(Download.PROXY);
        assertThat(route.proxy()).isEqualTo("proxy.example.com");
        assertThat(route.checksumDatabase()).isFalse();
        assertThat(route.matchedGoPrivate()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"rsc.io/quote,false", "rsc.io/sampler,false", "golang.org/x/text,false", "rsc.io/other,true"})
    void gonosumdbExampleFromGoTests(String module, boolean checked) {
        // cmd/go script test: GONOSUMDB='*/quote,*/*mple*,golang.org/x' bypasses sumdb for these
        GoPrivateEnvironment env = GoPrivateEnvironment.from(Map.of("GONOSUMDB", "*/quote,*/*mple*,golang.org/x"));

        assertThat(env.route(module).checksumDatabase()).isEqualTo(checked);
        assertThat(env.route(module).usesProxy()).isTrue();
    }

    @Test
    void gonoproxyAndGonosumdbDefaultToGoprivate() {
        assertThat(DOC.effectiveNoProxy()).isEqualTo("*.corp.example.com,rsc.io/private");
        assertThat(DOC.effectiveNoSumDb()).isEqualTo(DOC.effectiveNoProxy());
        GoPrivateEnvironment explicit = GoPrivateEnvironment.from(Map.of("GOPRIVATE", "a.example.com",
            "GONOSUMDB", "b.example.com"));
        assertThat(explicit.effectiveNoSumDb()).isEqualTo("b.example.com");
        assertThat(explicit.effectiveNoProxy()).isEqualTo("a.example.com");
    }

    @ParameterizedTest
    @CsvSource({
        "'*.corp.example.com', git.corp.example.com/a/b, true",
        "'git.example.com/team', git.example.com/team/lib/v2, true",
        "'git.example.com/team/', git.example.com/team/lib, true",
        "'git.example.com/team', git.example.com/teamx, false",
        "'git.example.com/*/lib', git.example.com/team/lib/sub, true",
        "'git.example.com/*/lib', git.example.com/team/other, false",
        "'git.example.com/t?am', git.example.com/team, true",
        "'git.example.com/[st]eam', git.example.com/team, true",
        "'git.example.com/[^t]eam', git.example.com/team, false",
        "'git.example.com/[a-c]*', git.example.com/box, true",
        "'*', anything.example.com/x/y, true",
        "'a.example.com/b/c', a.example.com/b, false",
    })
    void prefixPatternMatchingFollowsGoRules(String globs, String module, boolean matched) {
        assertThat(GoPrivateEnvironment.goPrivate(globs).isPrivate(module)).isEqualTo(matched);
    }

    @Test
    void goproxyOffDisablesPublicDownloadsButPrivateModulesStillGoDirect() {
        GoPrivateEnvironment env = GoPrivateEnvironment.from(Map.of("GOPRIVATE", "git.example.com", "GOPROXY", "off"));

        assertThat(env.route("git.example.com/team/lib").download()).isEqualTo(Download.DIRECT);
        assertThat(env.route("github.com/pkg/errors").download()).isEqualTo(Download.DISABLED);
        assertThat(env.notes()).anySatisfy(n -> assertThat(n).contains("GOPROXY=off").contains("module cache"));
    }

    @Test
    void goproxyOffWithoutPrivatePatternsSuggestsGoprivate() {
        GoPrivateEnvironment env = GoPrivateEnvironment.from(Map.of("GOPROXY", "off"));
        assertThat(env.notes()).anySatisfy(n -> assertThat(n).contains("GOPROXY=off").contains("GOPRIVATE"));
    }

    @Test
    void goproxyWithoutDirectIsFineWhenGoprivateDefaultsGonoproxy() {
        GoPrivateEnvironment env = GoPrivateEnvironment.from(Map.of("GOPRIVATE", "git.example.com",
            "GOPROXY", "https://proxy.example.com"));

        assertThat(env.route("git.example.com/team/lib").download()).isEqualTo(Download.DIRECT);
        assertThat(env.route("github.com/a/b").fallbackToDirect()).isFalse();
        assertThat(env.notes(List.of("git.example.com/team/lib"))).isEmpty();
    }

    @Test
    void explicitGonoproxyThatMissesAPrivateModuleIsExplained() {
        GoPrivateEnvironment env = GoPrivateEnvironment.from(Map.of("GOPRIVATE", "git.example.com,*.corp.example.com",
            "GONOPROXY", "git.example.com"));

        Route route = env.route("git.corp.example.com/team/lib");
        assertThat(route.usesProxy()).isTrue();
        assertThat(route.proxy()).isEqualTo("https://proxy.golang.org");

        List<String> notes = env.notes(List.of("git.corp.example.com/team/lib"));
        assertThat(notes).anySatisfy(n -> assertThat(n).contains("git.corp.example.com/team/lib")
            .contains("GONOPROXY").contains("public proxy"));
        assertThat(notes).noneSatisfy(n -> assertThat(n).contains("GONOSUMDB="));
    }

    @Test
    void explicitGonoproxyWithoutDirectSaysThereIsNoFallback() {
        GoPrivateEnvironment env = GoPrivateEnvironment.from(Map.of("GOPRIVATE", "git.example.com",
            "GONOPROXY", "other.example.com", "GOPROXY", "https://proxy.example.com"));

        assertThat(env.notes()).anySatisfy(n -> assertThat(n).contains("no fallback to direct")
            .doesNotContain("public proxy"));
    }

    @Test
    void explicitGonosumdbThatMissesAPrivatePatternIsExplainedWithoutAModuleList() {
        GoPrivateEnvironment env = GoPrivateEnvironment.from(Map.of("GOPRIVATE", "*.corp.example.com",
            "GONOSUMDB", "other.example.com"));

        assertThat(env.route("git.corp.example.com/x").checksumDatabase()).isTrue();
        assertThat(env.notes()).anySatisfy(n -> assertThat(n).contains("*.corp.example.com").contains("GONOSUMDB")
            .contains("sum.golang.org"));
    }

    @Test
    void gosumdbOffWithGoprivateIsExplained() {
        GoPrivateEnvironment env = GoPrivateEnvironment.from(Map.of("GOPRIVATE", "git.example.com", "GOSUMDB", "off"));
        assertThat(env.route("github.com/a/b").checksumDatabase()).isFalse();
        assertThat(env.notes()).anySatisfy(n -> assertThat(n).contains("GOSUMDB=off"));
    }

    @Test
    void goflagsInsecureIsExplained() {
        GoPrivateEnvironment env = GoPrivateEnvironment.from(Map.of("GOFLAGS", "-mod=mod -insecure"));
        assertThat(env.notes()).anySatisfy(n -> assertThat(n).contains("-insecure").contains("GOINSECURE"));
    }

    @Test
    void goinsecureDoesNotDisableTheChecksumDatabase() {
        GoPrivateEnvironment env = GoPrivateEnvironment.from(Map.of("GOINSECURE", "git.example.com"));
        assertThat(env.route("git.example.com/a").insecure()).isTrue();
        assertThat(env.route("git.example.com/a").checksumDatabase()).isTrue();
        assertThat(env.notes()).anySatisfy(n -> assertThat(n).contains("GOINSECURE").contains("git.example.com"));

        GoPrivateEnvironment both = GoPrivateEnvironment.from(Map.of("GOINSECURE", "git.example.com",
            "GOPRIVATE", "git.example.com"));
        assertThat(both.notes()).isEmpty();
    }

    @Test
    void unreachableGoproxyEntriesAreExplained() {
        GoPrivateEnvironment env = GoPrivateEnvironment.from(Map.of("GOPROXY", "direct,https://proxy.example.com"));
        assertThat(env.route("github.com/a/b").download()).isEqualTo(Download.DIRECT);
        assertThat(env.notes()).anySatisfy(n -> assertThat(n).contains("never used"));
    }

    @Test
    void consistentSettingsHaveNoNotes() {
        assertThat(DOC.notes(List.of("rsc.io/private/quux", "github.com/a/b"))).isEmpty();
    }

    @Test
    void buildArgsKeepOnlySetVariablesInOrder() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("GOINSECURE", "git.example.com");
        environment.put("HOME", "/root");
        environment.put("GONOPROXY", "");
        environment.put("GOPRIVATE", "git.example.com");

        Map<String, String> args = GoPrivateEnvironment.from(environment).buildArgs();

        assertThat(args).containsExactly(Map.entry("GOPRIVATE", "git.example.com"),
            Map.entry("GOINSECURE", "git.example.com"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "git.example.com,,rsc.io          | ''            | empty",
        ",git.example.com                 | ''            | empty",
        "git.example.com, rsc.io/private  | ' rsc.io/private' | spaces",
        "https://git.example.com/team     | https://git.example.com/team | scheme",
        "git.example.com/[abc             | git.example.com/[abc | character class",
        "git.example.com/[]               | git.example.com/[] | character class",
        "git.example.com/a\\              | git.example.com/a\\ | escapes",
        "/git.example.com                 | /git.example.com | start with",
        "git@git.example.com:team         | git@git.example.com:team | no user name",
    })
    void malformedGoprivatePatternNamesThePatternAndTheRule(String value, String pattern, String rule) {
        assertThatThrownBy(() -> GoPrivateEnvironment.goPrivate(value))
            .isInstanceOf(GocbException.class)
            .hasMessageContaining("GOPRIVATE pattern '" + pattern + "' is malformed")
            .hasMessageContaining(rule)
            .hasMessageContaining("path.Match");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GONOPROXY", "GONOSUMDB", "GOINSECURE"})
    void otherPatternVariablesAreValidatedToo(String name) {
        assertThatThrownBy(() -> GoPrivateEnvironment.from(Map.of(name, "a.example.com,[x")))
            .isInstanceOf(GocbException.class).hasMessageContaining(name + " pattern '[x'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"git.example.com/[a-z]*,rsc.io/private/", "*", "none", "a.example.com/\\*x"})
    void validPatternsAreAccepted(String value) {
        assertThat(GoPrivateEnvironment.goPrivate(value).buildArgs()).containsEntry("GOPRIVATE", value);
    }

    @Test
    void goproxyWithCredentialsIsRejectedWithoutEchoingThem() {
        String password = "s3cr3t-proxy-pw";
        assertThatThrownBy(() -> GoPrivateEnvironment.from(Map.of("GOPROXY",
            "https://user:" + password + "@proxy.example.com,direct")))
            .isInstanceOf(GocbException.class).hasMessageContaining("credentials").hasMessageNotContaining(password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://proxy.example.com,,direct", "ftp://proxy.example.com", "proxy", "direct off"})
    void malformedGoproxyIsRejected(String value) {
        assertThatThrownBy(() -> GoPrivateEnvironment.from(Map.of("GOPROXY", value)))
            .isInstanceOf(GocbException.class).hasMessageContaining("GOPROXY");
    }

    @Test
    void goflagsWithANonFlagIsRejected() {
        assertThatThrownBy(() -> GoPrivateEnvironment.from(Map.of("GOFLAGS", "-mod=mod vendor")))
            .isInstanceOf(GocbException.class).hasMessageContaining("'vendor'");
    }

    @Test
    void lineBreaksAreRejected() {
        assertThatThrownBy(() -> GoPrivateEnvironment.from(Map.of("GOFLAGS", "-mod=mod\n-x")))
            .isInstanceOf(GocbException.class).hasMessageContaining("line break");
    }
}
