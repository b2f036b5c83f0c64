package rnn.train;

import java.util.Locale;

import rnn.util.Progress;

/** Shows the batches of each epoch on a {@link Progress}, with the loss and throughput. */
final class ProgressListener implements TrainingListener {
    private final Progress progress;

    ProgressListener(Progress progress) {
        this.progress = progress;
    }

    @Override
    public void epochStarted(int epoch, int batches) {
        progress.start("epoch " + epoch, batches, "batches");
    }

    @Override
    public void batchDone(int batchesDone, double loss, long tokensThisEpoch, double secondsThisEpoch) {
        progress.update(batchesDone, String.format(Locale.ROOT, "loss %.4f  %,.0f tok/s", loss,
                tokensThisEpoch / Math.max(secondsThisEpoch, 1e-9)));
    }

    @Override
    public void epochDone(EpochResult result, boolean best) {
        progress.finish();
    }
}
