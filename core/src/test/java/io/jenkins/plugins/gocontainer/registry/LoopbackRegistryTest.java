package io.jenkins.plugins.gocontainer.registry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Only loopback addresses, never DNS names that merely start with "127.", are spoken to over plain HTTP. */
class LoopbackRegistryTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.example.com/app", "127.internal:5000/app", "127.0.0.1.example.com/app"})
    void aHostNameStartingWith127IsNotLoopback(String text) {
        assertThat(ImageReference.parse(text).isLoopbackRegistry()).isFalse();
    }
}
