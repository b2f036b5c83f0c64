package rnn.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.graph.ComputationGraph;

import rnn.config.TrainingConfig;
import rnn.nn.Optimizers;
import rnn.util.FaultPoint;

/**
 * The one training loop: epochs of mini-batches, a dev evaluation after each epoch, early
 * stopping, the best network kept, and a checkpoint after every epoch that {@code --resume}
 * continues from. Progress and the metrics file attach as {@link TrainingListener}s.
 */
public final class Trainer {
    /** Scores a network on the dev set; the map holds every metric the task reports. */
    @FunctionalInterface
    public interface DevEvaluator {
        Map<String, Double> evaluate(ComputationGraph network);
    }

    /** How a run ended: the state after its last epoch and why it stopped. */
    public record Outcome(RunState state, boolean stoppedEarly) {
    }

    private final TrainingConfig config;
    private final EpochFeed feed;
    private final DevEvaluator dev;
    private final RunDirectory run;
    private final List<TrainingListener> listeners;

    public Trainer(TrainingConfig config, EpochFeed feed, DevEvaluator dev, RunDirectory run,
                   List<TrainingListener> listeners) {
        this.config = config;
        this.feed = feed;
        this.dev = dev;
        this.run = run;
        this.listeners = List.copyOf(listeners);
    }

    /** Trains {@code network} from {@code start} (a fresh or resumed state) to the end of the run. */
    public Outcome fit(ComputationGraph network, RunState start) throws IOException {
        EarlyStopping stopping = new EarlyStopping(config.metric(), config.patience(), start.stopping());
        RunState state = start;
        if (stopping.shouldStop()) {
            return new Outcome(state, true);
        }
        for (int epoch = start.epochsDone() + 1; epoch <= config.epochs(); epoch++) {
            EpochResult result = trainEpoch(network, epoch);
            boolean best = stopping.update(epoch, result.dev().get(metricKey()));
            String bestFile = best ? run.saveBest(network, epoch) : state.best();
            String checkpoint = run.saveCheckpoint(network, epoch);
            List<EpochResult> history = new ArrayList<>(state.history());
            history.add(result);
            state = new RunState(epoch, stopping.state(), checkpoint, bestFile, history);
            FaultPoint.reached(FaultPoint.CHECKPOINT);
            run.commit(state);
            for (TrainingListener l : listeners) {
                l.epochDone(result, best);
            }
            if (stopping.shouldStop()) {
                return new Outcome(state, epoch < config.epochs());
            }
        }
        return new Outcome(state, false);
    }

    private EpochResult trainEpoch(ComputationGraph network, int epoch) {
        network.getConfiguration().setEpochCount(epoch - 1);   // drives the epoch-based learning-rate schedule
        double learningRate = Optimizers.schedule(config).valueAt(0, epoch - 1);
        listeners.forEach(l -> l.epochStarted(epoch, feed.steps()));
        long started = System.nanoTime();
        EpochTotals totals = new EpochTotals();
        feed.run(network, epoch, (loss, weight, tokens) -> {
            totals.add(loss, weight, tokens);
            FaultPoint.reached(FaultPoint.BATCH);
            double seconds = (System.nanoTime() - started) / 1e9;
            for (TrainingListener l : listeners) {
                l.batchDone(totals.steps, loss, totals.tokens, seconds);
            }
        });
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> devMetrics = dev.evaluate(network);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new EpochResult(epoch, totals.meanLoss(), devMetrics, seconds,
                totals.tokens / Math.max(1e-9, trainSeconds), learningRate);
    }

    /** Running sums over an epoch's steps. */
    private static final class EpochTotals {
        int steps;
        long tokens;
        long weight;
        double lossSum;

        void add(double loss, long stepWeight, long stepTokens) {
            steps++;
            tokens += stepTokens;
            weight += stepWeight;
            lossSum += loss * stepWeight;
        }

        double meanLoss() {
            return lossSum / Math.max(1, weight);
        }
    }

    private String metricKey() {
        return config.metric().name().toLowerCase();
    }
}
