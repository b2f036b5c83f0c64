package rnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import rnn.data.BucketedBatchIterator;
import rnn.data.EncodedExample;
import rnn.data.WordDropout;

/** What the training log counts for an epoch on Spark is what the epoch's minibatches hold. */
class SparkFeedTest {
    @Test
    void theEpochCountIsWhatTheMinibatchesHold() {
        // Texts of 1 to 30 tokens in three partitions of 11: each partition's last minibatch of 4
        // is filled from its start, with other copies each epoch.
        Random random = new Random(7);
        List<EncodedExample> examples = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            examples.add(new EncodedExample(new int[1 + random.nextInt(30)], i % 2));
        }
        JavaRDD<EncodedExample> rdd = SparkTestContext.get().parallelize(examples, 3);
        int batchSize = 4;
        SparkFeed.Batcher<EncodedExample> batcher = (list, seed, epoch) -> BucketedBatchIterator.forClassification(
                list, batchSize, 2, true, seed, new WordDropout(0.1, seed + epoch));
        for (int epoch = 1; epoch <= 3; epoch++) {
            SparkFeed.EpochSize counted = rdd.mapPartitionsWithIndex(
                    new SparkFeed.EpochCount<>(batchSize, 42, batcher, epoch), false).reduce(SparkFeed.EpochSize::plus);
            SparkFeed.EpochSize fed = rdd.mapPartitionsWithIndex(
                    new SparkFeed.EpochBatches<>(batchSize, 42, batcher, epoch, false), false)
                    .map(SparkFeedTest::size).reduce(SparkFeed.EpochSize::plus);
            assertEquals(fed, counted, "epoch " + epoch);
            assertEquals(36, counted.examples(), "three partitions of 11, each filled to 12");
        }
    }

    private static SparkFeed.EpochSize size(DataSet batch) {
        return new SparkFeed.EpochSize(batch.getFeatures().size(0), batch.getFeaturesMaskArray().sumNumber().longValue());
    }
}
