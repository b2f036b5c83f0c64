package rnn.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

import scala.Tuple2;

import rnn.data.DataException;
import rnn.data.WordVectors;
import rnn.text.Vocabulary;
import rnn.util.UserException;

/** What the training jobs do alike to data on the cluster: checked parsing, the vocabulary and its word vectors, the dev split. */
final class SparkData {
    private SparkData() {
    }

    /**
     * The values of {@code records}, cached; a record that failed is a {@link DataException} with
     * the first failure's message (in input order), as {@code rnn train} stops at the first bad line.
     */
    static <T> JavaRDD<T> checked(JavaRDD<Checked<T>> records) {
        JavaRDD<Checked<T>> cached = records.persist(StorageLevel.MEMORY_AND_DISK());
        List<String> errors = cached.filter(c -> c.error() != null).map(Checked::error).take(1);
        if (!errors.isEmpty()) {
            cached.unpersist(false);
            throw new DataException(errors.get(0));
        }
        return cached.map(Checked::value);
    }

    /** A value, or the message of the user's mistake that prevented it. */
    record Checked<T>(T value, String error) implements Serializable {
        interface Maker<T> extends Serializable {
            T make();
        }

        static <T> Checked<T> of(Maker<T> maker) {
            try {
                return new Checked<>(maker.make(), null);
            } catch (UserException e) {
                return new Checked<>(null, e.getMessage());
            }
        }
    }

    /**
     * The vocabulary that {@code rnn train} counts from the same words ({@code words}: one element
     * per occurrence): the words seen {@code minCount} times or more, at most {@code maxSize} of
     * them. Only the candidates come to the driver, at most {@code maxSize} in
     * {@link Vocabulary#ofTokens}'s order, which picks from them what it would pick from all the counts.
     */
    static Vocabulary vocabulary(JavaRDD<String> words, int maxSize, int minCount) {
        List<Tuple2<String, Integer>> top = words.mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum)
                .filter(c -> c._2() >= minCount)
                .takeOrdered(maxSize, new ByFrequency());
        Map<String, Integer> counts = new HashMap<>();
        top.forEach(c -> counts.put(c._1(), c._2()));
        return Vocabulary.ofTokens(counts, maxSize, minCount);
    }

    /**
     * {@code vocabulary} extended by a word-vectors file as {@code rnn train} extends it
     * ({@link WordVectors#extend}): the file is read on the driver, and train's distinct words
     * ({@code trainWords}, as the vocabulary counts them) come to the driver for it.
     */
    static WordVectors.Extended withVectors(Vocabulary vocabulary, Path vectors, boolean lowercase, int vocabSize,
                                            JavaRDD<String> trainWords, int size) {
        Set<String> distinct = new HashSet<>(trainWords.distinct().collect());
        return WordVectors.extend(vocabulary, vectors, lowercase, vocabSize, distinct, size);
    }

    /**
     * Refuses word2vec in the run: {@code epochs} is {@code data.vectors_epochs} as the task
     * resolves it. Train the vectors with {@code rnn vectors} and name them in {@code data.word_vectors}.
     */
    static void refuseVectorTraining(int epochs) {
        if (epochs > 0) {
            throw new UserException("data.vectors_epochs: rnn-spark train does not train word vectors; train them"
                    + " with rnn vectors and name the file in data.word_vectors");
        }
    }

    /** Most frequent first, then in word order: {@link Vocabulary#ofTokens}'s order. */
    private static final class ByFrequency implements Comparator<Tuple2<String, Integer>>, Serializable {
        @Override
        public int compare(Tuple2<String, Integer> a, Tuple2<String, Integer> b) {
            int byCount = Integer.compare(b._2(), a._2());
            return byCount != 0 ? byCount : a._1().compareTo(b._1());
        }
    }

    /** Train stays on the cluster; dev, on the driver. */
    record Split<T>(JavaRDD<T> train, List<T> dev) {
    }

    /** {@code all} split at the positions (from 0, in input order) that the driver chose for dev. */
    static <T> Split<T> split(JavaSparkContext sc, JavaRDD<T> all, long[] devPositions) {
        long[] sorted = devPositions.clone();
        Arrays.sort(sorted);
        Broadcast<long[]> dev = sc.broadcast(sorted);
        JavaPairRDD<T, Long> numbered = all.zipWithIndex();
        return new Split<>(numbered.filter(t -> Arrays.binarySearch(dev.value(), t._2()) < 0).keys(),
                numbered.filter(t -> Arrays.binarySearch(dev.value(), t._2()) >= 0).keys().collect());
    }
}
