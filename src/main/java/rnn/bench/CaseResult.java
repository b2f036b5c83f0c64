package rnn.bench;

/**
 * What one case gave: timings, or the reason it could not be built.
 *
 * @param name              the case name, e.g. {@code bilstm}
 * @param unavailableReason why the network builder rejected the case; null when it was measured
 * @param train             a training step (forward, backward, Adam update); null when not available
 * @param infer             an inference pass; null when not available
 * @param tokens            real tokens per batch
 */
record CaseResult(String name, String unavailableReason, Timing train, Timing infer, long tokens) {

    static CaseResult notAvailable(String name, String reason) {
        return new CaseResult(name, reason, null, null, 0);
    }

    boolean available() {
        return unavailableReason == null;
    }
}
