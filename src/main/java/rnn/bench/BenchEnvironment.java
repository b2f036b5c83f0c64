package rnn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.nd4j.linalg.factory.Nd4j;

import rnn.nn.memory.Blas;
import rnn.util.Versions;

/**
 * The header lines that say what a run's numbers were measured on. Thread variables matter most:
 * ND4J and OpenBLAS read them once at start-up, and {@code OPENBLAS_CORETYPE} decides which
 * OpenBLAS kernels run.
 */
final class BenchEnvironment {
    private BenchEnvironment() {
    }

    static List<String> describe() {
        return List.of(
                "Java " + System.getProperty("java.version") + " | DL4J " + Versions.dl4j() + " | rnn " + Versions.rnn()
                        + " | ND4J backend " + Nd4j.getBackend().getClass().getSimpleName(),
                "OMP_NUM_THREADS=" + env("OMP_NUM_THREADS", "unset") + " OPENBLAS_NUM_THREADS="
                        + env("OPENBLAS_NUM_THREADS", "unset") + " OPENBLAS_CORETYPE="
                        + env("OPENBLAS_CORETYPE", "unset: OpenBLAS picks by CPU detection"),
                "CPU: " + cpuModel() + " (" + Runtime.getRuntime().availableProcessors() + " logical CPUs)",
                "OpenBLAS libraries: " + String.join(" ", openBlasLibraries()));
    }

    /**
     * The OpenBLAS shared libraries this process loaded, from {@code /proc/self/maps}: ND4J's own
     * ops use one copy and rnn's direct {@code cblas} calls may use another. apps/bench asks each
     * which kernels it chose, since neither exposes that to Java.
     */
    static List<String> openBlasLibraries() {
        Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}).mmul(Nd4j.eye(2).castTo(Nd4j.defaultFloatingPointType()));
        Blas.loadNow();
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/maps"))) {
            List<String> found = lines.map(l -> l.substring(l.lastIndexOf(' ') + 1))
                    .filter(f -> f.contains("/libopenblas")).distinct().toList();
            return found.isEmpty() ? List.of("unknown") : found;
        } catch (IOException | RuntimeException e) {
            return List.of("unknown");
        }
    }

    private static String env(String name, String whenUnset) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? whenUnset : value;
    }

    /** The first {@code model name} in {@code /proc/cpuinfo}; the architecture where there is none. */
    static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            // Not Linux (or unreadable): the architecture is the best we can say.
            return System.getProperty("os.arch");
        }
    }
}
