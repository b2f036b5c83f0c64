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
 *       keep the host kernels (the cells and the recurrence's per-step products), but the
 *       helpers that ask {@code hostKernels(false)} switch in every pass: {@link Blas}'s products
 *       of whole arrays, {@link TimeMajor}'s copies, {@link Floats#read} and {@link Floats#write},
 *       and in {@code rnn.nn.layer} the softmax rows and the step concatenation.</li>
 *   <li>{@code -Drnn.ops=nd4j-strict} is the same, and in addition any read or write of array
 *       memory on the host by rnn's layers throws: on a CPU host memory is the backend's memory,
 *       so a missed host access would pass unseen, where on a GPU it reads stale values. The
 *       tests run inference this way; training cannot (its kernels live in host memory).</li>
 * </ul>
 */
public final class Backend {
    /** The system property that, set to {@code nd4j}, makes inference use ND4J ops on the CPU backend too. */
    public static final String OPS_PROPERTY = "rnn.ops";

    private Backend() {
    }

    /** Whether the host kernels can run here: ND4J's CPU backend is in use. */
    public static boolean cpu() {
        return Loaded.CPU;
    }

    /** The backend is fixed once ND4J has loaded; asked once, on first use, rather than at every pass. */
    private static final class Loaded {
        static final boolean CPU = Nd4j.getEnvironment().isCPU();
    }

    /**
     * Whether a pass of rnn's layers uses the host kernels: always for training, and for
     * inference on the CPU backend unless {@code -Drnn.ops=nd4j} is set. Helpers shared by both
     * kinds of pass ask with {@code training} false, so they follow the inference choice.
     */
    public static boolean hostKernels(boolean training) {
        return training || cpu() && !opsAsked();
    }

    /** Whether {@code -Drnn.ops} asks for ND4J's ops ({@code nd4j} or {@code nd4j-strict}). */
    private static boolean opsAsked() {
        String ops = System.getProperty(OPS_PROPERTY);
        return "nd4j".equals(ops) || "nd4j-strict".equals(ops);
    }

    /**
     * Called wherever rnn's layers take a host address of array memory: throws under
     * {@code -Drnn.ops=nd4j-strict}, where no pass may touch host memory.
     */
    static void checkHostAccess() {
        if ("nd4j-strict".equals(System.getProperty(OPS_PROPERTY))) {
            throw new IllegalStateException("host memory touched by rnn's layers under -D" + OPS_PROPERTY
                    + "=nd4j-strict: an ND4J-op pass must not read or write array memory on the host");
        }
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
                    + " what runs where)");
        }
    }
}
