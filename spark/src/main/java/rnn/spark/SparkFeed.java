package rnn.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;

import rnn.data.BucketedBatchIterator;
import rnn.data.EncodedExample;
import rnn.data.WordDropout;
import rnn.train.EpochFeed;

/**
 * Epochs of a classifier's training on Spark, data-parallel by parameter averaging (DL4J's
 * {@link ParameterAveragingTrainingMaster}): each worker fits its own copy of the network on
 * {@code averaging} minibatches, then the copies' parameters and updater states are averaged on
 * the driver into the one network the trainer checkpoints and scores.
 *
 * <p>Each partition of the training examples makes its own minibatches, as {@code rnn train}
 * makes them (shuffled, grouped by length, word dropout), reshuffled every epoch. Every minibatch
 * holds exactly {@code batch_size} examples (a partition's last one is filled from its start),
 * because DL4J's workers merge smaller ones, and token-id batches of different lengths cannot merge.
 * One Spark fit is one step of the trainer's progress.
 */
final class SparkFeed implements EpochFeed {
    private final JavaSparkContext sc;
    private final JavaRDD<EncodedExample> examples;
    private final EpochBatches batches;
    private final int workers;
    private final int averaging;

    /**
     * @param examples  the training examples, persisted
     * @param workers   network copies fitted in parallel
     * @param averaging minibatches each worker fits between two averagings
     */
    SparkFeed(JavaSparkContext sc, JavaRDD<EncodedExample> examples, int batchSize, int numClasses, long seed,
              double wordDropout, int workers, int averaging) {
        this.sc = sc;
        this.examples = examples;
        this.batches = new EpochBatches(batchSize, numClasses, seed, wordDropout, 0);
        this.workers = workers;
        this.averaging = averaging;
    }

    @Override
    public int steps() {
        return 1;
    }

    @Override
    public void run(ComputationGraph network, int epoch, StepObserver step) {
        JavaRDD<DataSet> epochBatches = examples.mapPartitionsWithIndex(batches.forEpoch(epoch), false);
        StepTotals totals = new StepTotals(sc);
        ParameterAveragingTrainingMaster master = new ParameterAveragingTrainingMaster.Builder(workers,
                batches.batchSize())
                .batchSizePerWorker(batches.batchSize())
                .averagingFrequency(averaging)
                .workerPrefetchNumBatches(0)
                .saveUpdater(true)
                .rddTrainingApproach(RDDTrainingApproach.Direct)
                .rngSeed(batches.seed() + epoch)
                .trainingHooks(totals)
                .build();
        new SparkComputationGraph(sc, network, master).fit(epochBatches);
        epochBatches.unpersist(false);
        // The workers' copies start from the driver's configuration, whose iteration count their
        // updates never reach: advanced here, Adam's bias correction sees the updates made so far.
        ComputationGraphConfiguration conf = network.getConfiguration();
        conf.setIterationCount(conf.getIterationCount() + (int) (totals.steps() / workers));
        step.done(totals.meanLoss(), totals.examples(), totals.tokens());
    }

    /** Makes one epoch's minibatches in each partition; serialised to the executors. */
    record EpochBatches(int batchSize, int numClasses, long seed, double wordDropout, int epoch)
            implements Function2<Integer, Iterator<EncodedExample>, Iterator<DataSet>> {

        EpochBatches forEpoch(int epoch) {
            return new EpochBatches(batchSize, numClasses, seed, wordDropout, epoch);
        }

        @Override
        public Iterator<DataSet> call(Integer partition, Iterator<EncodedExample> partitionExamples) {
            List<EncodedExample> list = new ArrayList<>();
            partitionExamples.forEachRemaining(list::add);
            if (list.isEmpty()) {
                return Collections.emptyIterator();
            }
            long partitionSeed = seed + 1_000_003L * partition;
            Collections.shuffle(list, new Random(partitionSeed + epoch));
            for (int i = 0; list.size() % batchSize != 0; i++) {
                list.add(list.get(i));
            }
            BucketedBatchIterator<EncodedExample> out = BucketedBatchIterator.forClassification(list, batchSize,
                    numClasses, true, partitionSeed, new WordDropout(wordDropout, partitionSeed + epoch));
            out.setEpoch(epoch - 1);
            return out;
        }
    }
}
