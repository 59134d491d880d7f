package io.jenkins.plugins.gocontainer.cache;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileReplacementTest {

    private static final FileReplacement.Recognizer STARTS_WITH_OURS = file -> Files.readString(file).startsWith("ours");

    @TempDir
    Path dir;

    @Test
    void aDirectoryIsNeverReplaced() throws IOException {
        Path target = Files.createDirectory(dir.resolve("report"));

        assertThatThrownBy(() -> FileReplacement.requireReplaceable(target, "a gate report", "gateJson", "gates.json", STARTS_WITH_OURS))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).isEqualTo("cannot write a gate report to " + target + ": it is a directory");
                assertThat(e.remedy()).contains("{@gateJson}").contains(target.resolve("gates.json").toString());
            });
    }

    @Test
    void aFileGocbDidNotWriteIsNeverReplaced() throws IOException {
        Path target = Files.writeString(dir.resolve("notes.txt"), "someone else's");

        assertThatThrownBy(() -> FileReplacement.requireReplaceable(target, "a gate report", "gateJson", "gates.json", STARTS_WITH_OURS))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> {
                assertThat(e.problem()).isEqualTo("cannot write a gate report to " + target + ": a file that is not a gate report is there");
                assertThat(e.remedy()).contains("move " + target + " away");
            });
        assertThat(Files.readString(target)).isEqualTo("someone else's");
    }

    @Test
    void anEarlierFileAnEmptyOneOrNoneAtAllMayBeReplaced() throws IOException {
        Path earlier = Files.writeString(dir.resolve("earlier.json"), "ours, from the last run");
        Path empty = Files.createFile(dir.resolve("empty.json"));
        Path absent = dir.resolve("reports/new/gates.json");

        for (Path target : new Path[] {earlier, empty, absent}) {
            assertThatCode(() -> FileReplacement.requireReplaceable(target, "a gate report", "gateJson", "gates.json", STARTS_WITH_OURS))
                .doesNotThrowAnyException();
        }
    }

    @Test
    void aPathUnderAFileCannotBeWritten() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        Path target = file.resolve("gates.json");

        assertThatThrownBy(() -> FileReplacement.requireReplaceable(target, "a gate report", "gateJson", "gates.json", STARTS_WITH_OURS))
            .isInstanceOfSatisfying(InvalidBuildRequestException.class, e -> assertThat(e.problem())
                .isEqualTo("cannot write a gate report to " + target + ": " + file + " is not a writable directory"));
    }

    @Test
    void writesInOneRenameWithOrdinaryPermissionsAndLeavesNothingBeside() throws IOException {
        Path target = dir.resolve("out/gates.json");
        FileReplacement.write(target, "first".getBytes());
        FileReplacement.write(target, "second".getBytes());

        assertThat(Files.readString(target)).isEqualTo("second");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailedCopyLeavesTheEarlierFileAndNoStagedOne() throws IOException {
        Path target = Files.writeString(dir.resolve("metadata.json"), "earlier");

        assertThatThrownBy(() -> FileReplacement.copy(dir.resolve("missing"), target)).isInstanceOf(IOException.class);

        assertThat(Files.readString(target)).isEqualTo("earlier");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void onlySmallTextIsReadForRecognition() throws IOException {
        Path text = Files.writeString(dir.resolve("a.json"), "{}");
        Path binary = Files.write(dir.resolve("b.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

        assertThat(FileReplacement.smallText(text)).contains("{}");
        assertThat(FileReplacement.smallText(binary)).isEmpty();
    }
}
