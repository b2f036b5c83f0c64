package rnn.util;

/**
 * Reports the advance of a long job (training batches, a download). Implementations decide how
 * to draw it; {@link #NONE} draws nothing, which is what pipes and CI get.
 */
public interface Progress {
    /** Begins a job of {@code total} units ({@code total <= 0} when unknown). */
    void start(String label, long total, String unit);

    /** Records {@code done} units completed so far; {@code detail} is shown beside the bar (may be empty). */
    void update(long done, String detail);

    /** Ends the job and leaves the last line in place. */
    void finish();

    Progress NONE = new Progress() {
        @Override public void start(String label, long total, String unit) { }
        @Override public void update(long done, String detail) { }
        @Override public void finish() { }
    };
}
