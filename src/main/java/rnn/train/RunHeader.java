package rnn.train;

import java.nio.file.Path;

import org.nd4j.linalg.factory.Nd4j;

import rnn.config.ConfigLoader;
import rnn.config.RunConfig;
import rnn.util.Versions;

/** The lines printed at the start of a run: versions, backend, threads, output folder and the resolved config. */
public final class RunHeader {
    private RunHeader() {
    }

    static String describe(RunConfig config, Path modelDir) {
        return "rnn " + Versions.rnn() + " | DL4J " + Versions.dl4j() + " | Java " + System.getProperty("java.version")
                + " | backend " + Nd4j.getBackend().getClass().getSimpleName() + " | threads " + threads() + "\n"
                + "model folder: " + modelDir + "\n"
                + "config:\n" + indent(ConfigLoader.toYaml(config));
    }

    /** OpenMP and BLAS thread settings as the environment gives them, and the BLAS threads in use. */
    public static String threads() {
        return "OMP_NUM_THREADS=" + env("OMP_NUM_THREADS") + " OPENBLAS_NUM_THREADS=" + env("OPENBLAS_NUM_THREADS")
                + " OPENBLAS_CORETYPE=" + env("OPENBLAS_CORETYPE") + " (BLAS threads " + Nd4j.factory().blas().getMaxThreads()
                + ")";
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "unset" : value;
    }

    private static String indent(String yaml) {
        StringBuilder out = new StringBuilder();
        yaml.lines().forEach(line -> out.append("  ").append(line).append('\n'));
        return out.toString();
    }
}
