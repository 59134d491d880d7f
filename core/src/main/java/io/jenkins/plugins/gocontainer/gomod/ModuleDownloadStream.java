package io.jenkins.plugins.gocontainer.gomod;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.json.Json;
import io.jenkins.plugins.gocontainer.json.JsonSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the output of {@code go mod download -json} with standard error merged in: the go command
 * writes each module as an indented JSON object, its braces alone on a line, and its own messages
 * ({@code go: ...}) as plain lines between objects.
 *
 * @param modules  the modules, in the go command's order
 * @param messages the lines that are not part of an object: the go command's messages
 */
public record ModuleDownloadStream(List<ModuleDownload> modules, List<String> messages) {

    public ModuleDownloadStream {
        modules = List.copyOf(modules);
        messages = List.copyOf(messages);
    }

    /** Whether a line of output starts a module's object. */
    static boolean opensObject(String line) {
        return line.equals("{");
    }

    /** Whether a line of output ends a module's object. */
    static boolean closesObject(String line) {
        return line.equals("}");
    }

    public static ModuleDownloadStream parse(List<String> lines) {
        List<ModuleDownload> modules = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        StringBuilder object = null;
        for (String line : lines) {
            if (object == null && opensObject(line)) {
                object = new StringBuilder(line).append('\n');
            } else if (object != null) {
                object.append(line).append('\n');
                if (closesObject(line)) {
                    modules.add(module(object.toString()));
                    object = null;
                }
            } else if (!line.isBlank()) {
                messages.add(line);
            }
        }
        if (object != null) {
            throw unreadable("an object is not closed: " + object, null);
        }
        return new ModuleDownloadStream(modules, messages);
    }

    public List<ModuleDownload> failed() {
        return modules.stream().filter(ModuleDownload::failed).toList();
    }

    /**
     * The go command's explanation of what failed, verbatim: its messages, then each failed module's
     * error as go prints it without -json ({@code go: <error>}).
     */
    public List<String> errorLines() {
        List<String> lines = new ArrayList<>(messages);
        for (ModuleDownload module : failed()) {
            lines.addAll(List.of(("go: " + module.error()).split("\n")));
        }
        return lines;
    }

    private static ModuleDownload module(String json) {
        Map<String, Object> fields;
        try {
            fields = Json.parseObject(json);
        } catch (JsonSyntaxException e) {
            throw unreadable(e.getMessage() + " in:\n" + json, e);
        }
        String path = text(fields, "Path");
        if (path.isEmpty()) {
            throw unreadable("a module without a Path:\n" + json, null);
        }
        return new ModuleDownload(path, text(fields, "Version"), text(fields, "Info"), text(fields, "GoMod"), text(fields, "Zip"),
                text(fields, "Dir"), text(fields, "Sum"), text(fields, "GoModSum"), text(fields, "Error"));
    }

    private static String text(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof String value ? value : "";
    }

    private static GocbException unreadable(String what, Throwable cause) {
        return new GocbException("cannot read the output of `go mod download -json`: " + what,
                "the go command printed something gocb does not expect (a go version with a different output format, "
                        + "or a message interleaved with its JSON)",
                "run `go mod download -json` in the module to see its output, and report it to the go-container-build maintainers",
                cause);
    }
}
