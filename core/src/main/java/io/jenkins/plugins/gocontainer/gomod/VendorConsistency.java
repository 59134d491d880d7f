package io.jenkins.plugins.gocontainer.gomod;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks vendor/modules.txt against go.mod with the go command's own rules (cmd/go's
 * checkVendorConsistency, single-module mode), so that a stale vendor directory is reported before
 * {@code go build -mod=vendor} fails on it. Each problem is worded as go words it.
 */
public final class VendorConsistency {

    /** Before Go 1.14, modules.txt did not record which modules go.mod requires: go checks less. */
    private static final GoVersion ANNOTATED_SINCE = GoVersion.parse("1.14");

    private VendorConsistency() {
    }

    /** The inconsistencies, in go's order and words; empty when vendor/ matches go.mod. */
    public static List<String> problems(GoModFile goMod, VendorManifest vendor) {
        boolean pre114 = goMod.goVersion() != null && goMod.goVersion().compareTo(ANNOTATED_SINCE) < 0;
        List<String> problems = new ArrayList<>();
        for (ModuleVersion required : goMod.requirements()) {
            if (!vendor.entry(required).map(VendorManifest.Entry::explicit).orElse(false)) {
                if (!pre114) {
                    problems.add(required + ": is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt");
                } else {
                    vendoredVersion(vendor, required.path())
                            .filter(version -> !version.equals(required.version()))
                            .ifPresent(version -> problems.add(required + ": is explicitly required in go.mod, but vendor/modules.txt indicates "
                                    + required.path() + "@" + version));
                }
            }
        }
        Set<ModuleVersion> seen = new HashSet<>();
        for (GoModFile.Replacement replace : goMod.replacements()) {
            if (!seen.add(replace.old())) {
                continue;
            }
            ModuleVersion effective = goMod.replacementOf(replace.old()).orElseThrow();
            ModuleVersion marked = vendor.entry(replace.old()).map(VendorManifest.Entry::replacement).orElse(null);
            if (marked == null) {
                boolean omittedBefore114 = pre114 && (!replace.old().hasVersion()
                        || !vendoredVersion(vendor, replace.old().path()).orElse("").equals(replace.old().version()));
                if (!omittedBefore114) {
                    problems.add(replace.old() + ": is replaced in go.mod, but not marked as replaced in vendor/modules.txt");
                }
            } else if (!marked.equals(effective)) {
                problems.add(replace.old() + ": is replaced by " + effective + " in go.mod, but marked as replaced by " + marked
                        + " in vendor/modules.txt");
            }
        }
        for (VendorManifest.Entry entry : vendor.vendoredModules()) {
            if (entry.explicit() && !goMod.requirements().contains(entry.module())) {
                problems.add(entry.module() + ": is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod");
            }
        }
        for (VendorManifest.Entry entry : vendor.replaced()) {
            if (goMod.replacementOf(entry.module()).isEmpty()) {
                problems.add(entry.module() + ": is marked as replaced in vendor/modules.txt, but not replaced in go.mod");
            }
        }
        return problems;
    }

    private static Optional<String> vendoredVersion(VendorManifest vendor, String path) {
        return vendor.vendoredModules().stream().map(VendorManifest.Entry::module)
                .filter(m -> m.path().equals(path)).map(ModuleVersion::version).findFirst();
    }
}
