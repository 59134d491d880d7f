package io.jenkins.plugins.gocontainer.registry;

import java.time.Duration;

/**
 * How often and how patiently a registry request is retried after 429 (honouring Retry-After),
 * 5xx answers and dropped connections. Bounded in attempts and in each wait.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(250), Duration.ofSeconds(20));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    /** The wait before attempt {@code attempt + 1} (attempt counts from 1), without a Retry-After hint. */
    public Duration backoff(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /** A server's Retry-After, capped so that a misbehaving registry cannot stall a build for hours. */
    public Duration capped(Duration retryAfter) {
        return retryAfter.compareTo(maxBackoff) > 0 ? maxBackoff : retryAfter;
    }
}
