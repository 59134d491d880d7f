package io.jenkins.plugins.gocontainer.registry;

import io.jenkins.plugins.gocontainer.tags.InvalidDockerTagException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bad tags are refused before anything is sent, so a run never leaves a partial set behind them. */
class TagPusherValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {".hidden", "-dash", "feature/x", "white space", "ümlaut", ""})
    void invalidTagsAreRefusedBeforeAnyRequest(String bad) {
        RegistryHttp http = new RegistryHttp(r -> Optional.empty(), new RetryPolicy(1, Duration.ZERO, Duration.ZERO), Set.of());
        ImageReference repository = ImageReference.parse("127.0.0.1:1/app");

        InvalidDockerTagException error = catchThrowableOfType(InvalidDockerTagException.class,
            () -> new TagPusher(new RegistryClient(http)).push(repository.withTag("sha-1"), repository, List.of("1.0.0", bad)));

        assertThat(error.getMessage()).contains("invalid image tag '" + bad + "'");
        assertThat(http.requests()).isZero();
    }

    @org.junit.jupiter.api.Test
    void aTagLongerThan128CharactersIsRefused() {
        RegistryHttp http = new RegistryHttp(r -> Optional.empty(), new RetryPolicy(1, Duration.ZERO, Duration.ZERO), Set.of());
        ImageReference repository = ImageReference.parse("127.0.0.1:1/app");
        String tooLong = "a".repeat(129);

        assertThat(catchThrowableOfType(InvalidDockerTagException.class,
            () -> new TagPusher(new RegistryClient(http)).push(repository.withTag("sha-1"), repository, List.of(tooLong))).tag()).isEqualTo(tooLong);
        assertThat(http.requests()).isZero();
    }
}
