package io.jenkins.plugins.gocontainer.tags;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A version for a commit that has no version tag, built like Go's pseudo-versions
 * ({@code golang.org/x/mod/module.PseudoVersion}) without the {@code v}, so that it is a valid image tag and
 * sorts after the release it follows and before the next one:
 *
 * <ul>
 *   <li>no earlier version: {@code 0.0.0-20261122033500-abcdef123456}</li>
 *   <li>after {@code v1.2.3}: {@code 1.2.4-0.20261122033500-abcdef123456}</li>
 *   <li>after {@code v1.2.3-rc.1}: {@code 1.2.3-rc.1.0.20261122033500-abcdef123456}</li>
 * </ul>
 *
 * The time is the commit's (UTC), the hash its first 12 hex digits. Build metadata of the base is dropped.
 */
public final class PseudoVersion {

    public static final int HASH_LENGTH = 12;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private PseudoVersion() {
    }

    public static SemanticVersion of(Optional<SemanticVersion> base, Instant commitTime, String commit) {
        String revision = TIMESTAMP.format(commitTime) + "-" + commit.substring(0, Math.min(HASH_LENGTH, commit.length()));
        if (base.isEmpty()) {
            return SemanticVersion.of(0, 0, 0, List.of(revision));
        }
        SemanticVersion released = base.get();
        if (released.isPrerelease()) {
            List<String> prerelease = new ArrayList<>(released.prerelease());
            prerelease.add("0");
            prerelease.add(revision);
            return SemanticVersion.of(released.major(), released.minor(), released.patch(), prerelease);
        }
        return SemanticVersion.of(released.major(), released.minor(), released.patch() + 1, List.of("0", revision));
    }
}
