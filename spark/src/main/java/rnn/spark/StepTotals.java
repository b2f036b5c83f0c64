package rnn.spark;

import java.io.IOException;
import java.io.ObjectInputStream;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.deeplearning4j.nn.api.Model;

import rnn.train.TrainLoss;

/**
 * The updates of one epoch and their losses, summed over every worker in Spark accumulators that
 * the driver reads once the epoch is fitted: the training log's loss is the mean over every
 * minibatch, as {@code rnn train}'s is, not the last averaging round's. The workers' networks
 * report each update's loss (a listener, which both training masters pass on). Every minibatch
 * holds the same number of examples, so the mean of the updates' losses is the mean over
 * examples; were a task run twice, its updates would count twice in both sums alike.
 *
 * <p>Gradient sharing's executors build their network once and keep the listeners of the run's
 * first epoch; those copies' accumulators belong to tasks long finished, so nothing they add
 * reaches the driver. A forwarding copy therefore reports to the copy that this epoch's task
 * brought (in the training master's worker): the one deserialised in the thread that trains, which
 * is the task that stays until the epoch's training ends and sends its accumulators back; in a
 * thread of no task (several trainers per executor), to the copy the JVM received last.
 */
final class StepTotals extends TrainLoss.Listener {
    /** In an executor JVM: the copy its latest gradient-sharing epoch task brought. */
    private static volatile StepTotals latest;
    /** The copy the task running on this thread brought: the training task's, in its own thread. */
    private static final ThreadLocal<StepTotals> OF_THIS_TASK = new ThreadLocal<>();

    private final boolean forwards;
    /** Time steps a network's score sums over (1 but for a language model's truncated-BPTT segment). */
    private final int lossSteps;
    private final DoubleAccumulator lossSum;
    private final LongAccumulator steps;

    /**
     * Totals in new accumulators; with {@code forwards}, a listener that outlives its epoch
     * reports to the latest epoch's copy instead of its own. Each update's loss is divided by
     * {@code lossSteps}.
     */
    StepTotals(JavaSparkContext sc, boolean forwards, int lossSteps) {
        this.forwards = forwards;
        this.lossSteps = lossSteps;
        this.lossSum = sc.sc().doubleAccumulator("rnn loss sum");
        this.steps = sc.sc().longAccumulator("rnn updates");
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        StepTotals target = this;
        if (forwards) {
            StepTotals ofThisTask = OF_THIS_TASK.get();
            target = ofThisTask != null ? ofThisTask : latest != null ? latest : this;
        }
        target.lossSum.add(of(model) / lossSteps);   // the step's loss without its L2 or decay penalty
        target.steps.add(1);
    }

    /** A copy arriving in a task becomes the one that forwarding listeners report to. */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (forwards) {
            latest = this;
            OF_THIS_TASK.set(this);
        }
    }

    /** The mean loss of the epoch's updates; NaN when no update was reported, rather than a made-up figure. */
    double meanLoss() {
        return steps.value() == 0 ? Double.NaN : lossSum.value() / steps.value();
    }

    /** Parameter updates made by all workers together. */
    long steps() {
        return steps.value();
    }
}
