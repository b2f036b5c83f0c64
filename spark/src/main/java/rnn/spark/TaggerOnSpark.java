package rnn.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import scala.Tuple2;

import rnn.data.BucketedBatchIterator;
import rnn.data.TaggedExample;
import rnn.data.TaggedSentence;
import rnn.data.WordVectors;
import rnn.task.tagger.TaggerConfig;
import rnn.task.tagger.TaggerEncoder;
import rnn.task.tagger.TaggerInputs;
import rnn.task.tagger.TaggerTask;
import rnn.text.Vocabulary;

/**
 * A tagger's training inputs read with Spark, equal to what {@code rnn train} reads from the
 * same files: the sentences of CoNLL or CoNLL-U (split into records at blank lines, so a sentence
 * never straddles two partitions), the same dev split (the config's seed shuffles the sentences'
 * positions on the driver), the same word and character vocabularies (counted with
 * {@code reduceByKey}) and the same tag set. Train stays on the cluster; dev comes to the driver.
 * {@code data.word_vectors} is a file on the driver, read there as {@code rnn train} reads it;
 * {@code data.vectors_epochs} is refused.
 */
final class TaggerOnSpark {
    private TaggerOnSpark() {
    }

    static TaggerInputs read(JavaSparkContext sc, TaggerConfig config, SparkFeed.Spread spread) {
        TaggerConfig.Data data = config.data();
        SparkData.refuseVectorTraining(data.vectors().epochsToTrain(false));
        JavaRDD<TaggedSentence> all = sentences(sc, data, data.train(), spread.partitions());
        JavaRDD<TaggedSentence> train;
        List<TaggedSentence> dev;
        List<Path> files = new ArrayList<>(List.of(Path.of(data.train())));
        if (data.dev() != null) {
            train = all;
            dev = sentences(sc, data, data.dev(), 0).collect();
            files.add(Path.of(data.dev()));
        } else {
            // rnn train's carve over the sentences' positions: the same shuffle, the same dev sentences.
            List<Integer> positions = IntStream.range(0, Math.toIntExact(all.count())).boxed().toList();
            SparkData.Split<TaggedSentence> split = SparkData.split(sc, all, TaggerTask.carveDev(data, positions,
                    data.train(), config.training().seed()).dev().stream().mapToLong(Integer::longValue).toArray());
            train = split.train();
            dev = split.dev();
        }

        boolean lowercase = data.lowercase();
        JavaRDD<String> trainWords = train.flatMap(s -> s.tokens().stream()
                .map(w -> TaggerEncoder.vocabularyWord(lowercase, w)).iterator());
        Vocabulary words = SparkData.vocabulary(trainWords, data.vocabSize(), data.minCount());
        WordVectors vectors = null;
        if (data.vectors().file() != null) {
            Path vectorsPath = Path.of(data.vectors().file());
            WordVectors.Extended extended = SparkData.withVectors(words, vectorsPath, lowercase, data.vocabSize(),
                    trainWords, config.encoder().embeddingSize());
            words = extended.vocabulary();
            vectors = extended.vectors();
            files.add(vectorsPath);
        }
        Vocabulary chars = null;
        if (config.chars() != null) {
            Map<String, Integer> charCounts = new HashMap<>(train.flatMapToPair(s -> s.tokens().stream()
                    .flatMapToInt(String::codePoints).mapToObj(c -> new Tuple2<>(Character.toString(c), 1)).iterator())
                    .reduceByKey(Integer::sum).collectAsMap());
            chars = Vocabulary.ofTokens(charCounts, Integer.MAX_VALUE, 1);
        }
        TaggerEncoder encoder = TaggerEncoder.of(config, words, chars);
        List<String> allTags = new ArrayList<>(train.flatMap(s -> TaggerTask.modelTags(data, s.tags()).iterator())
                .distinct().collect());
        dev.forEach(s -> allTags.addAll(TaggerTask.modelTags(data, s.tags())));
        Vocabulary tags = Vocabulary.ofLabels(allTags.stream().distinct().toList());

        Broadcast<TaggerEncoder> sharedEncoder = sc.broadcast(encoder);
        Broadcast<Vocabulary> sharedTags = sc.broadcast(tags);
        JavaRDD<TaggedExample> encoded = SparkData.checked(train.map(s -> SparkData.Checked.of(() ->
                TaggerTask.encode(data, sharedEncoder.value(), sharedTags.value(), s))));
        long trainSize = encoded.count();
        int batchSize = config.training().batchSize();
        double wordDropout = config.encoder().wordDropout();
        int maxChars = encoder.maxChars();
        SparkFeed<TaggedExample> feed = new SparkFeed<>(sc, encoded, batchSize, config.training().seed(),
                (examples, seed, epoch) -> new BucketedBatchIterator<>(examples,
                        TaggerTask.trainingEncoding(wordDropout, maxChars, seed + epoch), batchSize, true, seed),
                spread);
        return new TaggerInputs(encoder, tags, trainSize, dev, feed, files,
                vectors == null ? null : vectors.byIndex(encoder.words()));
    }

    /** The sentences of {@code input} in the config's format, in order; the first bad record is the error. */
    private static JavaRDD<TaggedSentence> sentences(JavaSparkContext sc, TaggerConfig.Data data, String input,
                                                     int partitions) {
        return SparkData.checked(JobFiles.numberedBlocks(sc, input, partitions)
                .map(block -> SparkData.Checked.of(() -> TaggerTask.readSentences(data,
                        input + " block " + (block._2() + 1), List.of(block._1().split("\n", -1))))))
                .flatMap(List::iterator);
    }
}
