package io.jenkins.plugins.gocontainer.plan;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What the values stamped into a binary are made of besides the version: the commit being built, its
 * branch and its date. The date is the commit time (or {@code SOURCE_DATE_EPOCH}) whenever there is a
 * commit, so that rebuilding a commit stamps the same bytes.
 *
 * @param revision the full commit SHA, or {@value #UNKNOWN_REVISION} outside a git repository
 * @param branch   the branch being built; empty when unknown (a detached checkout without CI variables)
 * @param date     the commit time, {@code SOURCE_DATE_EPOCH}, or the build time when there is no commit
 */
public record BuildFacts(String revision, String branch, Instant date) {

    public static final String UNKNOWN_REVISION = "unknown";

    /** For a request that was given none (the Dockerfile's shape does not depend on them). */
    public static final BuildFacts UNKNOWN = new BuildFacts(UNKNOWN_REVISION, "", Instant.EPOCH);

    private static final int SHORT_REVISION = 7;

    public BuildFacts {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(date, "date");
    }

    /** The first 7 characters of the commit, as {@code git log --oneline} shows it. */
    public String shortRevision() {
        return revision.equals(UNKNOWN_REVISION) ? revision : revision.substring(0, Math.min(SHORT_REVISION, revision.length()));
    }

    /** RFC 3339 in UTC, to the second: {@code 2026-10-01T12:00:00Z}. */
    public String rfc3339Date() {
        return DateTimeFormatter.ISO_INSTANT.format(date.truncatedTo(ChronoUnit.SECONDS));
    }
}
