package io.jenkins.plugins.gocontainer.tags;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The OCI image annotations ({@code org.opencontainers.image.*}) that identify what an image was built from.
 * They depend only on the commit (and {@code SOURCE_DATE_EPOCH}), so rebuilding a commit gives the same labels.
 */
public record OciLabels(SortedMap<String, String> values) {

    public static final String CREATED = "org.opencontainers.image.created";
    public static final String REVISION = "org.opencontainers.image.revision";
    public static final String SOURCE = "org.opencontainers.image.source";
    public static final String TITLE = "org.opencontainers.image.title";
    public static final String VERSION = "org.opencontainers.image.version";

    public OciLabels {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /**
     * @param source the remote URL as configured; credentials are removed and local paths left out ({@link RemoteUrl})
     */
    public static OciLabels of(String version, String revision, Instant created, Optional<String> source, String title) {
        SortedMap<String, String> labels = new TreeMap<>();
        labels.put(CREATED, DateTimeFormatter.ISO_INSTANT.format(created));
        labels.put(REVISION, revision);
        source.flatMap(RemoteUrl::publicUrl).ifPresent(url -> labels.put(SOURCE, url));
        labels.put(TITLE, title);
        labels.put(VERSION, version);
        return new OciLabels(labels);
    }

    /**
     * The image creation time: {@code SOURCE_DATE_EPOCH} (reproducible-builds.org) when set, else the commit time,
     * never the wall clock.
     */
    public static Instant created(Instant commitTime, Map<String, String> environment) {
        String epoch = environment.get("SOURCE_DATE_EPOCH");
        if (epoch == null || epoch.isBlank()) {
            return commitTime;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new InvalidBuildRequestException("SOURCE_DATE_EPOCH is not a number of seconds: '" + epoch + "'",
                "SOURCE_DATE_EPOCH is the build time as seconds since 1970-01-01 UTC, e.g. the commit time from git log -1 --format=%ct",
                "set it with SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it to use the commit time");
        }
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
