package io.jenkins.plugins.gocontainer.testing;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test of the fault suite: a component made to fail (a builder or gocb killed, a registry
 * answering errors, a full or read-only disk, a damaged cache, concurrent builds) and what gocb
 * guarantees then. The README's "Reliability" table lists them; run them alone with
 * {@code ./dev/test -Dgroups=fault}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("fault")
public @interface FaultSuite {
}
