package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import rnn.nn.TaggerNetwork;

/**
 * The compiler directives that apps/rnn gives `rnn tag` (apps/lib/tag-jit.json): the JVM accepts
 * them (apps/rnn hides the JVM's own output, a parse error included, so a broken file would only
 * show as a JVM that does not start), and they name the package that holds rnn's kernels.
 */
class TagJitDirectivesTest {
    private static final Path DIRECTIVES = Path.of("apps", "lib", "tag-jit.json");

    @Test
    void theJvmAcceptsTheDirectives() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-XX:+UnlockDiagnosticVMOptions",
                "-XX:CompilerDirectivesFile=" + DIRECTIVES, "-version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("2 compiler directives added"), output);
    }

    @Test
    void theOptimisingCompilerIsLeftToTheKernelsPackage() throws IOException {
        String kernels = TaggerNetwork.class.getPackageName().replace('.', '/');
        assertTrue(Files.readString(DIRECTIVES).contains("{ match: \"" + kernels + "/*.*\", c2: { Exclude: false } }"));
    }
}
