package io.jenkins.plugins.gocontainer.gomod;

/**
 * One module in the output of {@code go mod download -json}: where the go command put it and its
 * checksums, or why it could not download it. Fields the go command left out are empty strings.
 *
 * @param info     the cached .info file
 * @param goMod    the cached .mod file
 * @param zip      the cached module zip
 * @param dir      the extracted source directory
 * @param sum      the zip's checksum, as go.sum records it
 * @param goModSum the go.mod file's checksum, as go.sum records it
 * @param error    why the module could not be downloaded; empty on success
 */
public record ModuleDownload(String path, String version, String info, String goMod, String zip, String dir, String sum,
                             String goModSum, String error) {

    public ModuleVersion module() {
        return ModuleVersion.of(path, version);
    }

    public boolean failed() {
        return !error.isEmpty();
    }
}
