package rnn.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.storage.StorageLevel;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.api.TrainingMaster;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;

import rnn.data.BucketedBatchIterator;
import rnn.train.EpochFeed;

/**
 * Epochs of training on Spark, data-parallel by parameter averaging (DL4J's
 * {@link ParameterAveragingTrainingMaster}): each worker fits its own copy of the network on
 * {@code averaging} minibatches, then the copies' parameters and updater states are averaged on
 * the driver into the one network the trainer checkpoints and scores. {@link GradientSharing}
 * is the option: workers exchange their largest gradient values as they go.
 *
 * <p>Each partition of the training examples makes its own minibatches, as {@code rnn train}
 * makes them (the task's {@link Batcher}: shuffled, grouped by length, word dropout), reshuffled
 * every epoch. Every minibatch holds exactly {@code batch_size} examples (a partition's last one
 * is filled from its start), because DL4J's workers merge smaller ones, and token-id batches of
 * different lengths cannot merge. One Spark fit is one step of the trainer's progress.
 *
 * @param <E> an encoded example
 */
final class SparkFeed<E> implements EpochFeed {
    /**
     * How a job spreads the work: input partitions, network copies fitted at once, and how the
     * copies are joined: {@code averaging} minibatches between averagings, or with {@code sharing}
     * set, gradient sharing instead.
     */
    record Spread(int partitions, int workers, int averaging, GradientSharing sharing) {
    }

    /** A task's minibatches, as {@code rnn train} makes them; serialised to the executors. */
    interface Batcher<E> extends Serializable {
        /**
         * Batches of {@code examples} (as many as a multiple of the batch size) for epoch
         * {@code epoch} (from 1), shuffled and dropped out with draws seeded by {@code seed}.
         */
        BucketedBatchIterator<E> batches(List<E> examples, long seed, int epoch);
    }

    private final JavaSparkContext sc;
    private final JavaRDD<E> examples;
    private final int batchSize;
    private final long seed;
    private final Batcher<E> batcher;
    private final Spread spread;
    private final int lossSteps;
    private final List<TrainingListener> networkListeners;
    private SparkComputationGraph sharedNetwork;

    /** {@code examples}: the encoded training examples, persisted. */
    SparkFeed(JavaSparkContext sc, JavaRDD<E> examples, int batchSize, long seed, Batcher<E> batcher, Spread spread) {
        this(sc, examples, batchSize, seed, batcher, spread, 1, List.of());
    }

    /**
     * As above, for a network whose loss on an update is summed over {@code lossSteps} time steps
     * (a language model's, over a truncated-BPTT segment), so that the log's loss is per step, and
     * with listeners of the network's own (tied weights) that every worker's updates must reach.
     */
    SparkFeed(JavaSparkContext sc, JavaRDD<E> examples, int batchSize, long seed, Batcher<E> batcher, Spread spread,
              int lossSteps, List<TrainingListener> networkListeners) {
        this.lossSteps = lossSteps;
        this.networkListeners = List.copyOf(networkListeners);
        this.sc = sc;
        this.examples = examples;
        this.batchSize = batchSize;
        this.seed = seed;
        this.batcher = batcher;
        this.spread = spread;
    }

    @Override
    public int steps() {
        return 1;
    }

    @Override
    public void run(ComputationGraph network, int epoch, StepObserver step) {
        StepTotals totals = new StepTotals(sc, spread.sharing() != null, lossSteps);
        // One partition per worker: each averaging round's split then has as many partitions as
        // workers, and DL4J fits it where it lies instead of counting and shuffling the batches.
        JavaRDD<DataSet> epochBatches = examples.mapPartitionsWithIndex(
                new EpochBatches<>(batchSize, seed, batcher, epoch, spread.sharing() != null), false)
                .coalesce(spread.workers());
        SparkComputationGraph spark = sparkNetwork(network, epoch);
        List<TrainingListener> listeners = new ArrayList<>(networkListeners);
        listeners.add(totals);
        spark.setListeners(listeners);
        spark.fit(epochBatches);
        epochBatches.unpersist(false);
        // The workers' copies start from the driver's configuration, whose iteration count their
        // updates never reach: advanced here, Adam's bias correction sees the updates made so far.
        ComputationGraphConfiguration conf = network.getConfiguration();
        conf.setIterationCount(conf.getIterationCount() + (int) (totals.steps() / spread.workers()));
        // Counted apart from training, since Spark may compute a partition's batches more than once.
        EpochSize size = examples.mapPartitionsWithIndex(new EpochCount<>(batchSize, seed, batcher, epoch), false)
                .reduce(EpochSize::plus);
        step.done(totals.meanLoss(), size.examples(), size.tokens());
    }

    /** Examples and real tokens of one epoch, or of one partition's part of it. */
    record EpochSize(long examples, long tokens) implements Serializable {
        EpochSize plus(EpochSize other) {
            return new EpochSize(examples + other.examples, tokens + other.tokens);
        }
    }

    /**
     * A partition's examples as its minibatches hold them: shuffled for {@code epoch} and filled
     * from the start up to a multiple of {@code batchSize}, every minibatch full, because DL4J's
     * workers merge smaller ones and token-id batches of different lengths cannot merge.
     */
    private static <E> List<E> filled(Iterator<E> partitionExamples, int batchSize, long partitionSeed, int epoch) {
        List<E> list = new ArrayList<>();
        partitionExamples.forEachRemaining(list::add);
        Collections.shuffle(list, new Random(partitionSeed + epoch));
        for (int i = 0; !list.isEmpty() && list.size() % batchSize != 0; i++) {
            list.add(list.get(i));
        }
        return list;
    }

    private static long partitionSeed(long seed, int partition) {
        return seed + 1_000_003L * partition;
    }

    /**
     * Counts what epoch {@code epoch}'s minibatches hold in each partition (its examples, those that
     * fill the last minibatch included, and their real tokens); serialised to the executors.
     */
    record EpochCount<E>(int batchSize, long seed, Batcher<E> batcher, int epoch)
            implements Function2<Integer, Iterator<E>, Iterator<EpochSize>> {

        @Override
        public Iterator<EpochSize> call(Integer partition, Iterator<E> partitionExamples) {
            long partitionSeed = partitionSeed(seed, partition);
            List<E> list = filled(partitionExamples, batchSize, partitionSeed, epoch);
            long tokens = list.isEmpty() ? 0 : batcher.batches(list, partitionSeed, epoch).tokenCount();
            return List.of(new EpochSize(list.size(), tokens)).iterator();
        }
    }

    /**
     * The Spark side of {@code network}. Gradient sharing keeps one training master for the whole
     * run: its transport and the driver's update consumer live once per JVM, and a second master
     * would train workers whose updates never reach the driver's network. Parameter averaging
     * starts a fresh master each epoch, with that epoch's seed for its splits.
     */
    private SparkComputationGraph sparkNetwork(ComputationGraph network, int epoch) {
        if (spread.sharing() != null && sharedNetwork != null && sharedNetwork.getNetwork() == network) {
            return sharedNetwork;
        }
        TrainingMaster<?, ?> master = spread.sharing() != null ? spread.sharing().master(batchSize)
                : new ParameterAveragingTrainingMaster.Builder(spread.workers(), batchSize)
                        .batchSizePerWorker(batchSize)
                        .averagingFrequency(spread.averaging())
                        .workerPrefetchNumBatches(0)
                        .saveUpdater(true)
                        .rddTrainingApproach(RDDTrainingApproach.Direct)
                        .repartionData(Repartition.NumPartitionsWorkersDiffers)
                        .storageLevel(StorageLevel.MEMORY_ONLY())
                        .rngSeed(seed + epoch)
                        .build();
        SparkComputationGraph spark = new SparkComputationGraph(sc, network, master);
        if (spread.sharing() != null) {
            sharedNetwork = spark;
        }
        return spark;
    }

    /** Makes one epoch's minibatches in each partition; serialised to the executors. */
    record EpochBatches<E>(int batchSize, long seed, Batcher<E> batcher, int epoch, boolean sharing)
            implements Function2<Integer, Iterator<E>, Iterator<DataSet>> {

        @Override
        public Iterator<DataSet> call(Integer partition, Iterator<E> partitionExamples) {
            long partitionSeed = partitionSeed(seed, partition);
            List<E> list = filled(partitionExamples, batchSize, partitionSeed, epoch);
            if (list.isEmpty()) {
                return Collections.emptyIterator();
            }
            if (sharing) {
                GradientSharing.prepareJvm();   // before this executor's transport starts
            }
            BucketedBatchIterator<E> batches = batcher.batches(list, partitionSeed, epoch);
            batches.setEpoch(epoch - 1);
            return batches;
        }
    }
}
