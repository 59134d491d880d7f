package io.jenkins.plugins.gocontainer.cache;

/**
 * One member of a cache archive, as read from its header. {@code path} is as stored (not yet
 * checked); {@code linkTarget} is empty unless the entry is a symbolic link.
 */
record TarEntry(String path, Type type, boolean executable, long size, String linkTarget) {

    enum Type { FILE, DIRECTORY, SYMLINK }
}
