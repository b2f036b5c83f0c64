package rnn.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import rnn.data.BucketedBatchIterator;
import rnn.data.EncodedExample;
import rnn.data.LabeledText;
import rnn.data.LabeledTexts;
import rnn.data.ReviewIds;
import rnn.data.TextEncoder;
import rnn.data.WordDropout;
import rnn.data.WordVectors;
import rnn.task.classify.CarvedDev;
import rnn.task.classify.ClassifyConfig;
import rnn.task.classify.ClassifyInputs;
import rnn.task.classify.ClassifyTask;
import rnn.text.Tokenizer;
import rnn.text.Vocabulary;
import rnn.util.UserException;

/**
 * A classifier's training inputs read with Spark, equal to what {@code rnn train} reads from the
 * same file: the same examples (blank lines skipped), the same dev split (carved on the driver from
 * each example's label, and its id from {@code data.train_ids}: some dozens of bytes per example),
 * the same label set and the same vocabulary (counted with {@code reduceByKey}; the most frequent
 * words, ties in word order). Train stays on the cluster; dev comes to the driver, which scores
 * it after every epoch.
 *
 * <p>Input is {@code label<TAB>text} lines (plain or gzipped; a file, folder or glob on any file
 * system Spark reads). {@code data.word_vectors} and {@code data.train_ids} are files on the
 * driver. What needs a whole data set on one machine is refused with what to do instead: word2vec
 * training ({@code data.vectors_epochs}; train the vectors with {@code rnn vectors} and name them
 * in {@code data.word_vectors}) and the IMDB archive or folder.
 */
final class ClassifyOnSpark {
    private ClassifyOnSpark() {
    }

    static ClassifyInputs read(JavaSparkContext sc, ClassifyConfig config, SparkFeed.Spread spread) {
        ClassifyConfig.Data data = config.data();
        refuseWhatNeedsOneMachine(sc, data);
        String train = data.train();
        JavaRDD<LabeledText> all = labelledTexts(sc, train, spread.partitions());
        JavaRDD<LabeledText> trainTexts;
        List<LabeledText> devTexts;
        String devSource;
        List<Path> files = new ArrayList<>(List.of(Path.of(train)));
        if (data.dev() != null) {
            trainTexts = all;
            devTexts = labelledTexts(sc, data.dev(), 0).collect();
            devSource = data.dev();
            files.add(Path.of(data.dev()));
        } else {
            // The split is carved on the driver as rnn train carves it, from what it looks at:
            // each example's label, and its id from data.train_ids; the texts stay on the cluster.
            List<LabeledText> heads = all.map(t -> new LabeledText(t.label(), "-")).collect();
            if (data.trainIds() != null) {
                heads = ReviewIds.attach(Path.of(data.trainIds()), heads);
                files.add(Path.of(data.trainIds()));
            }
            CarvedDev carved = ClassifyTask.carveDev(data, heads, train, config.training().seed());
            Map<LabeledText, Integer> positions = new IdentityHashMap<>();
            for (int i = 0; i < heads.size(); i++) {
                positions.put(heads.get(i), i);
            }
            SparkData.Split<LabeledText> split = SparkData.split(sc, all,
                    carved.parts().dev().stream().mapToLong(positions::get).toArray());
            trainTexts = split.train();
            devTexts = split.dev();
            devSource = carved.source();
        }

        Vocabulary labels = ClassifyTask.labels(data, train, trainTexts.map(LabeledText::label).distinct().collect());
        boolean lowercase = data.lowercase();
        JavaRDD<String> trainWords = trainTexts.flatMap(t -> new Tokenizer(lowercase).words(t.text()).iterator());
        Vocabulary tokens = SparkData.vocabulary(trainWords, data.vocabSize(), data.minCount());
        float[][] vectorsById = null;
        if (data.vectors().file() != null) {
            Path vectorsPath = Path.of(data.vectors().file());
            WordVectors.Extended extended = SparkData.withVectors(tokens, vectorsPath, lowercase, data.vocabSize(),
                    trainWords, config.encoder().embeddingSize());
            tokens = extended.vocabulary();
            vectorsById = extended.vectors().byIndex(tokens);
            files.add(vectorsPath);
        }
        TextEncoder encoder = new TextEncoder(new Tokenizer(data.lowercase()), tokens, data.maxLength(),
                data.truncate());

        Broadcast<TextEncoder> sharedEncoder = sc.broadcast(encoder);
        Broadcast<Vocabulary> sharedLabels = sc.broadcast(labels);
        JavaRDD<EncodedExample> encoded = SparkData.checked(trainTexts.map(t -> SparkData.Checked.of(() ->
                ClassifyTask.encode(sharedEncoder.value(), sharedLabels.value(), t, train))));
        long trainSize = encoded.count();
        List<EncodedExample> dev = new ArrayList<>(devTexts.size());
        for (LabeledText t : devTexts) {
            dev.add(ClassifyTask.encode(encoder, labels, t, devSource));
        }
        int batchSize = config.training().batchSize();
        int numClasses = labels.size();
        double wordDropout = config.encoder().wordDropout();
        SparkFeed<EncodedExample> feed = new SparkFeed<>(sc, encoded, batchSize, config.training().seed(),
                (examples, seed, epoch) -> BucketedBatchIterator.forClassification(examples, batchSize, numClasses,
                        true, seed, new WordDropout(wordDropout, seed + epoch)),
                spread);
        return new ClassifyInputs(encoder, labels, trainSize, dev, devSource, feed, files, vectorsById);
    }

    private static void refuseWhatNeedsOneMachine(JavaSparkContext sc, ClassifyConfig.Data data) {
        // the archive, whose unlabelled reviews auto would use, is refused below
        SparkData.refuseVectorTraining(data.vectors().epochsToTrain(false));
        for (String input : data.dev() == null ? List.of(data.train()) : List.of(data.train(), data.dev())) {
            JobFiles.requireInput(sc, input);
            if (JobFiles.isImdbArchive(sc, input)) {
                throw new UserException(input + ": rnn-spark train reads label<TAB>text lines (plain or .gz), not the"
                        + " IMDB archive or folder; train on it with rnn train, or write it out as TSV");
            }
        }
    }

    /** The examples of {@code input}, blank lines skipped; the first bad line is the error. */
    private static JavaRDD<LabeledText> labelledTexts(JavaSparkContext sc, String input, int partitions) {
        return SparkData.checked(JobFiles.numberedLines(sc, input, partitions)
                .filter(line -> !line._1().isBlank())
                .map(line -> SparkData.Checked.of(() -> LabeledTexts.parseLine(input, line._2() + 1, line._1()))));
    }
}
