package io.jenkins.plugins.gocontainer.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CacheKeyTest {

    private static final byte[] GO_SUM = "example.com/lib v1.0.0 h1:abc=\nexample.com/lib v1.0.0/go.mod h1:def=\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void goModulesKeyNamesVersionPlatformAndTheGoSumHash() {
        CacheKey key = CacheKey.goModules(GO_SUM, "go1.26.0", "linux", "amd64");

        String expectedHash = TreeFixture.sha256(GO_SUM).substring(0, 20);
        assertThat(key.key()).isEqualTo("gomod-go1.26.0-linux-amd64-" + expectedHash);
        assertThat(key.restorePrefixes()).containsExactly("gomod-go1.26.0-linux-amd64-");
    }

    @Test
    void goBuildKeyIsDistinctFromTheModuleKeyAndFallsBackByVersionAndPlatform() {
        CacheKey build = CacheKey.goBuild(GO_SUM, "go1.26.0", "linux", "arm64");

        assertThat(build.key()).isEqualTo("gobuild-go1.26.0-linux-arm64-" + TreeFixture.sha256(GO_SUM).substring(0, 20));
        assertThat(build.restorePrefixes()).containsExactly("gobuild-go1.26.0-linux-arm64-");
    }

    @Test
    void aChangedGoSumChangesTheKeyButNotThePrefix() {
        CacheKey before = CacheKey.goModules(GO_SUM, "go1.26.0", "linux", "amd64");
        CacheKey after = CacheKey.goModules((new String(GO_SUM, StandardCharsets.UTF_8) + "example.com/other v0.1.0 h1:x=\n").getBytes(StandardCharsets.UTF_8),
            "go1.26.0", "linux", "amd64");

        assertThat(after.key()).isNotEqualTo(before.key());
        assertThat(after.restorePrefixes()).isEqualTo(before.restorePrefixes());
        assertThat(after.key()).startsWith(before.restorePrefixes().get(0));
    }

    @Test
    void versionWithoutGoPrefixAndCrlfLineEndingsGiveTheSameKey() {
        byte[] crlf = new String(GO_SUM, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);

        assertThat(CacheKey.goModules(crlf, "1.26.0", "linux", "amd64")).isEqualTo(CacheKey.goModules(GO_SUM, "go1.26.0", "linux", "amd64"));
    }

    @Test
    void anEmptyGoSumIsAValidModuleWithoutDependencies() {
        assertThat(CacheKey.goModules(new byte[0], "go1.26.0", "linux", "amd64").key())
            .isEqualTo("gomod-go1.26.0-linux-amd64-" + TreeFixture.sha256(new byte[0]).substring(0, 20));
    }

    @Test
    void badGoInputsAreExplained() {
        assertThatThrownBy(() -> CacheKey.goModules(null, "go1.26.0", "linux", "amd64"))
            .isInstanceOf(CacheException.class).hasMessageContaining("no go.sum content").hasMessageContaining("Fix:");
        assertThatThrownBy(() -> CacheKey.goModules(GO_SUM, "devel go1.27-abcdef Tue Jan 1", "linux", "amd64"))
            .isInstanceOf(CacheException.class).hasMessageContaining("not a Go release version").hasMessageContaining("go env GOVERSION");
        assertThatThrownBy(() -> CacheKey.goBuild(GO_SUM, "go1.26.0", "Linux", "amd64"))
            .isInstanceOf(CacheException.class).hasMessageContaining("GOOS 'Linux'");
        assertThatThrownBy(() -> CacheKey.goBuild(GO_SUM, "go1.26.0", "linux", "amd/64"))
            .isInstanceOf(CacheException.class).hasMessageContaining("GOARCH 'amd/64'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".hidden", "-dash", "has space", "slash/inside", "colon:tag", "ünïcode"})
    void keysThatAreNotOciTagsAreRefused(String key) {
        assertThatThrownBy(() -> CacheKey.of(key))
            .isInstanceOf(InvalidCacheKeyException.class)
            .hasMessageContaining("invalid cache key '" + key + "'")
            .hasMessageContaining("at most 128 characters");
    }

    @Test
    void lengthIsLimitedTo128Characters() {
        String longest = "k".repeat(128);

        assertThat(CacheKey.of(longest).key()).isEqualTo(longest);
        assertThatThrownBy(() -> CacheKey.of(longest + "k")).isInstanceOf(InvalidCacheKeyException.class).hasMessageContaining("129 characters");
    }

    @Test
    void restorePrefixesAreValidatedAndKeepTheirOrder() {
        assertThat(CacheKey.of("gomod-b", "gomod-", "go").restorePrefixes()).containsExactly("gomod-", "go");
        assertThatThrownBy(() -> CacheKey.of("gomod-b", "gomod/"))
            .isInstanceOf(InvalidCacheKeyException.class).hasMessageContaining("invalid cache restore prefix 'gomod/'");
        assertThatThrownBy(() -> new CacheKey("k", List.of("")))
            .isInstanceOf(InvalidCacheKeyException.class).hasMessageContaining("it is empty");
    }
}
