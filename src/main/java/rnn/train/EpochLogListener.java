package rnn.train;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

import rnn.config.Metric;

/** Writes one line per epoch: training loss, dev metrics, time and throughput, and whether it is the best. */
final class EpochLogListener implements TrainingListener {
    private final PrintWriter out;
    private final Metric metric;

    EpochLogListener(PrintWriter out, Metric metric) {
        this.out = out;
        this.metric = metric;
    }

    @Override
    public void epochDone(EpochResult r, boolean best) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d: train loss %.4f |", r.epoch(),
                r.trainLoss()));
        for (Map.Entry<String, Double> m : r.dev().entrySet()) {
            line.append(String.format(Locale.ROOT, " dev %s %.4f", m.getKey(), m.getValue()));
        }
        line.append(String.format(Locale.ROOT, " | %.1f min, %,.0f tokens/s, lr %.3g", r.seconds() / 60,
                r.tokensPerSecond(), r.learningRate()));
        if (best) {
            line.append(" | best ").append(metric.name().toLowerCase(Locale.ROOT));
        }
        out.println(line);
        out.flush();
    }
}
