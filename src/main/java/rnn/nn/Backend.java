package rnn.nn;

import org.nd4j.linalg.factory.Nd4j;

import rnn.util.UserException;

/**
 * The one place that says what runs on which ND4J backend. rnn's own layers (token embedding,
 * character encoder, pooling and concatenation vertices, softmax and CRF outputs, and the fused
 * LSTM, GRU and RNN) read and write their arrays in host memory and call OpenBLAS directly, so
 * they run on the CPU backend only, and every network rnn builds has some of them. On another
 * backend (a {@code -Pcuda} build) rnn refuses, in one line, to build or load a network rather
 * than build a different network than the same config builds on a CPU.
 */
public final class Backend {
    private Backend() {
    }

    /** Whether networks can run here: ND4J's CPU backend is in use. */
    public static boolean supported() {
        return Nd4j.getEnvironment().isCPU();
    }

    /** Refuses {@code what} (e.g. "training", "loading models/x") unless the backend is supported. */
    public static void require(String what) {
        require(supported(), Nd4j.getBackend().getClass().getSimpleName(), what);
    }

    static void require(boolean supported, String backend, String what) {
        if (!supported) {
            throw new UserException(what + ": rnn's layers compute in host memory with OpenBLAS and run on ND4J's CPU"
                    + " backend only, but this build uses " + backend + " (built with -Pcuda?); build rnn without"
                    + " -Pcuda (docs/architecture.md, backends)");
        }
    }
}
