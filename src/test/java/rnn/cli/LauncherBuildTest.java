package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apps/lib/jar.sh, which the launchers use to build rnn on first use: launchers started together
 * on a fresh clone build once (the others wait, then run), and a fresh jar is not rebuilt. Maven
 * is replaced by a stub that records each build and takes a second.
 */
class LauncherBuildTest {
    private static final Path JAR_SH = Path.of("apps", "lib", "jar.sh").toAbsolutePath();

    /** The build a launcher runs: the core module, whose shade step writes target/rnn.jar. */
    private static final String BUILD = "build -q -B -DskipTests -pl core package";

    @TempDir
    Path home;

    private void freshClone() throws IOException {
        Files.writeString(home.resolve("pom.xml"), "<project/>");
        Files.createDirectories(home.resolve("core"));
        Files.writeString(home.resolve("core/pom.xml"), "<project/>");
        Files.createDirectories(home.resolve("src/main"));
        Path mvnw = Files.writeString(home.resolve("mvnw"), """
                #!/usr/bin/env bash
                echo "build $*" >> builds.log
                sleep 1
                mkdir -p target && echo jar > target/rnn.jar
                """);
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Process launcher() throws IOException {
        return new ProcessBuilder("bash", "-c", "set -euo pipefail; source \"$1\"; ensure_jar \"$2\"", "launcher",
                JAR_SH.toString(), home.toString()).redirectErrorStream(true).start();
    }

    @Test
    void launchersStartedTogetherBuildOnce() throws Exception {
        freshClone();
        List<Process> launchers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            launchers.add(launcher());
        }
        for (Process p : launchers) {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), output);
        }
        assertEquals(List.of(BUILD), Files.readAllLines(home.resolve("builds.log")),
                "one build, of the CLI's module alone, for three launchers");
        assertTrue(Files.isRegularFile(home.resolve("target/run/rnn.jar")));

        Process again = launcher();
        assertTrue(again.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, again.exitValue());
        assertEquals(1, Files.readAllLines(home.resolve("builds.log")).size(), "a fresh jar is not rebuilt");

        Files.setLastModifiedTime(home.resolve("core/pom.xml"),
                FileTime.fromMillis(Files.getLastModifiedTime(home.resolve("target/run/rnn.jar")).toMillis() + 5000));
        Process changed = launcher();
        assertTrue(changed.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, changed.exitValue());
        assertEquals(List.of(BUILD, BUILD), Files.readAllLines(home.resolve("builds.log")), "a changed core/pom.xml rebuilds");
    }
}
