package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import rnn.nn.crf.CrfOutput;
import rnn.nn.layer.CharCnn;
import rnn.nn.memory.Blas;
import rnn.nn.recurrent.FusedLstm;
import rnn.task.tagger.SequenceTagger;

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
        assertTrue(output.contains("3 compiler directives added"), output);
    }

    /**
     * HotSpot matches a class pattern ending in {@code *} as a prefix of the class's full name, so
     * {@code rnn/nn/*} covers the layer packages below {@code rnn.nn} as well.
     */
    @Test
    void theOptimisingCompilerIsLeftToTheLayersKernelsAndTaggerLoop() throws IOException {
        String directives = Files.readString(DIRECTIVES);
        for (Class<?> hot : List.of(FusedLstm.class, CrfOutput.class, CharCnn.class, Blas.class, SequenceTagger.class)) {
            String name = hot.getName().replace('.', '/');
            assertTrue(c2Prefixes(directives).stream().anyMatch(name::startsWith), name);
        }
    }

    private static List<String> c2Prefixes(String directives) {
        List<String> prefixes = new ArrayList<>();
        Matcher m = Pattern.compile("match: \"([^\"*]+)\\*\\.\\*\", c2: \\{ Exclude: false \\}").matcher(directives);
        while (m.find()) {
            prefixes.add(m.group(1));
        }
        return prefixes;
    }
}
