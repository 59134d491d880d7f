package io.jenkins.plugins.gocontainer.cache;

import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.json.JsonSyntaxException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The record kept beside a cache archive: its digest and size, and when it was saved. */
record EntryMetadata(ArchiveDigest archive, Instant created) {

    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("digest", archive.digest());
        json.put("size", archive.size());
        json.put("created", created.toString());
        return Json.write(json) + "\n";
    }

    static EntryMetadata parse(String text) {
        try {
            Map<String, Object> json = Json.parseObject(text);
            if (json.get("digest") instanceof String digest && json.get("size") instanceof Long size && json.get("created") instanceof String created) {
                return new EntryMetadata(new ArchiveDigest(digest, size), Instant.parse(created));
            }
        } catch (JsonSyntaxException | IllegalArgumentException | DateTimeParseException e) {
            // reported below
        }
        throw new CorruptCacheEntryException("the record of a cache entry is unreadable",
            "it should hold the archive's digest, size and creation time as JSON; it was cut short or overwritten");
    }
}
