package io.jenkins.plugins.gocontainer.registry;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void backoffDoublesUpToTheCap() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.backoff(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(60)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterIsHonouredButCapped() {
        assertThat(policy.capped(Duration.ofMillis(300))).isEqualTo(Duration.ofMillis(300));
        assertThat(policy.capped(Duration.ofHours(2))).isEqualTo(Duration.ofSeconds(1));
    }
}
