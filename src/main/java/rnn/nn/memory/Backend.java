package rnn.nn.memory;

import org.nd4j.linalg.factory.Nd4j;

import rnn.util.UserException;

/**
 * The one place that says how rnn's own layers compute on the ND4J backend in use. They have
 * two ways: <em>host kernels</em>, which read and write array memory on the host and call
 * OpenBLAS directly ({@link Floats}, {@link Blas}, {@link TimeMajor}), and <em>ND4J ops</em>,
 * which go through ND4J's own operations and so run wherever ND4J runs.
 *
 * <ul>
 *   <li>On the CPU backend every pass uses the host kernels: they are the fast ones, and the
 *       only ones with a backward pass.</li>
 *   <li>On another backend (a {@code -Pcuda} build) a bundle loads and predicts through the ND4J
 *       ops; training is refused in one line rather than run on another network.</li>
 *   <li>{@code -Drnn.ops=nd4j} makes inference on the CPU backend take the ND4J ops too: how the
 *       tests hold the two ways to the same outputs on a machine without a GPU. Training passes
 *       keep the host kernels, but their matrix products, sequence copies and bulk reads and
 *       writes ({@link Blas}, {@link TimeMajor}, {@link Floats#read}, {@link Floats#write}) go
 *       through ND4J's ops as well, since those ask {@code hostKernels(false)}.</li>
 * </ul>
 */
public final class Backend {
    /** The system property that, set to {@code nd4j}, makes inference use ND4J ops on the CPU backend too. */
    public static final String OPS_PROPERTY = "rnn.ops";

    private Backend() {
    }

    /** Whether the host kernels can run here: ND4J's CPU backend is in use. */
    public static boolean cpu() {
        return Nd4j.getEnvironment().isCPU();
    }

    /**
     * Whether a pass of rnn's layers uses the host kernels: always for training, and for
     * inference on the CPU backend unless {@code -Drnn.ops=nd4j} is set.
     */
    public static boolean hostKernels(boolean training) {
        return training || cpu() && !"nd4j".equals(System.getProperty(OPS_PROPERTY));
    }

    /** Refuses {@code what} (e.g. "training") unless the backend runs the host kernels, which training needs. */
    public static void requireForTraining(String what) {
        requireForTraining(cpu(), Nd4j.getBackend().getClass().getSimpleName(), what);
    }

    static void requireForTraining(boolean cpu, String backend, String what) {
        if (!cpu) {
            throw new UserException(what + ": rnn trains on ND4J's CPU backend only (its layers' backward passes"
                    + " compute in host memory with OpenBLAS), but this build uses " + backend + " (built with -Pcuda?);"
                    + " train with a build without -Pcuda; bundles load and predict on either (docs/architecture.md,"
                    + " backends)");
        }
    }
}
