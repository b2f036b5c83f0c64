package rnn.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

import scala.Tuple2;

import rnn.data.BucketedBatchIterator;
import rnn.data.DataException;
import rnn.data.TokenStream;
import rnn.data.WordDropout;
import rnn.data.WordVectors;
import rnn.task.lm.LanguageModelConfig;
import rnn.task.lm.LanguageModelInputs;
import rnn.task.lm.LanguageModelNetwork;
import rnn.text.StreamTokens;
import rnn.text.TokenLevel;
import rnn.text.Vocabulary;
import rnn.util.UserException;

/**
 * A language model's training inputs read with Spark. The executors tokenise the text's lines as
 * {@code rnn train} tokenises the whole text (words with {@code <eos>} at every line end, or
 * characters with the line breaks), so the vocabulary (counted with {@code reduceByKey}), the
 * token counts and the dev text ({@code data.dev}, or the last {@code dev_fraction} of the
 * training tokens) are {@code rnn train}'s; but at the character level a file whose last line
 * has no line break gets one here (Spark's lines do not say whether it had one).
 *
 * <p>The layout differs. {@code rnn train} reads the stream in {@code batch_size} long rows and
 * carries each row's hidden state through the whole epoch; here each partition cuts its part of
 * the stream into chunks of {@code segments x bptt_length} steps, trained as the rows of
 * minibatches of {@code batch_size} chunks, and the state is carried across the segments of a
 * chunk and starts from zero at the next. Up to a chunk's length of tokens at the end of each
 * partition is left out of an epoch. Tied embeddings stay tied on every worker (their listener
 * travels with the network), and averaging keeps them equal.
 */
final class LanguageModelOnSpark {
    private LanguageModelOnSpark() {
    }

    static LanguageModelInputs read(JavaSparkContext sc, LanguageModelConfig config, SparkFeed.Spread spread,
                                    int segments, boolean resumed) {
        LanguageModelConfig.Data data = config.data();
        refuseWhatNeedsOneMachine(sc, config);
        String train = data.train();
        TokenLevel level = data.level();
        boolean lowercase = data.lowercase();
        JavaRDD<List<String>> lines = JobFiles.numberedLines(sc, train, spread.partitions()).keys()
                .mapPartitions(text -> lineTokens(level, lowercase, text))
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Path> files = new ArrayList<>(List.of(Path.of(train)));

        JavaRDD<String> trainTokens;
        List<String> dev;
        String devName;
        if (data.dev() != null) {
            trainTokens = lines.flatMap(List::iterator);
            dev = JobFiles.numberedLines(sc, data.dev(), 0).keys()
                    .mapPartitions(text -> lineTokens(level, lowercase, text)).flatMap(List::iterator).collect();
            devName = data.dev();
            files.add(Path.of(data.dev()));
        } else {
            // rnn train's carve: the last dev_fraction of the tokens, wherever in a line it starts.
            List<Long> sizes = lines.mapPartitions(part -> {
                long n = 0;
                while (part.hasNext()) {
                    n += part.next().size();
                }
                return List.of(n).iterator();
            }).collect();
            long total = sizes.stream().mapToLong(Long::longValue).sum();
            long devSize = Math.round(data.devFraction() * total);
            if (devSize < 2 || total - devSize < 2) {
                throw new DataException(train + ": " + total + " tokens are too few to carve a dev part");
            }
            long[] starts = new long[sizes.size()];
            for (int p = 1; p < starts.length; p++) {
                starts[p] = starts[p - 1] + sizes.get(p - 1);
            }
            Broadcast<long[]> partitionStarts = sc.broadcast(starts);
            long devStart = total - devSize;
            trainTokens = lines.mapPartitionsWithIndex((p, part) ->
                    positioned(part, partitionStarts.value()[p], devStart, true), true);
            dev = lines.mapPartitionsWithIndex((p, part) ->
                    positioned(part, partitionStarts.value()[p], devStart, false), true).collect();
            devName = train + " (last " + devSize + " tokens)";
        }
        if (dev.size() < 2) {
            throw new DataException(devName + ": needs at least 2 tokens, found " + dev.size());
        }

        Vocabulary vocabulary = SparkData.vocabulary(trainTokens, data.vocabSize(), data.minCount());
        float[][] vectors = null;
        if (config.data().wordVectors() != null) {
            // read on the driver, as the classifier's and tagger's vectors are, before the passes that need
            // none; a resumed run's embedding comes from its checkpoint
            Path vectorsPath = Path.of(config.data().wordVectors());
            vectors = resumed ? null : WordVectors.forVocabulary(vectorsPath, config.data().lowercase(), vocabulary,
                    config.encoder().embeddingSize());
            files.add(vectorsPath);
        }
        Broadcast<Vocabulary> sharedVocabulary = sc.broadcast(vocabulary);
        JavaRDD<int[]> partitionIds = trainTokens.mapPartitions(part -> {
            Vocabulary v = sharedVocabulary.value();
            int[] ids = new int[1024];
            int size = 0;
            while (part.hasNext()) {
                if (size == ids.length) {
                    ids = java.util.Arrays.copyOf(ids, size * 2);
                }
                ids[size++] = v.indexOf(part.next());
            }
            return List.of(java.util.Arrays.copyOf(ids, size)).iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK());
        // Tokens and <unk>s in one pass over the partitions.
        Tuple2<Long, Long> counts = partitionIds.map(ids -> {
            long unknownIds = 0;
            for (int id : ids) {
                unknownIds += id == Vocabulary.UNK_INDEX ? 1 : 0;
            }
            return new Tuple2<>((long) ids.length, unknownIds);
        }).reduce((a, b) -> new Tuple2<>(a._1() + b._1(), a._2() + b._2()));
        long trainSize = counts._1();
        long unknown = counts._2();
        if (trainSize < 2) {
            throw new DataException(train + ": needs at least 2 tokens, found " + trainSize);
        }

        int length = segments * config.bpttLength();
        JavaRDD<int[]> chunks = partitionIds.flatMap(ids -> chunks(ids, length).iterator())
                .persist(StorageLevel.MEMORY_AND_DISK());
        long chunkCount = chunks.count();
        partitionIds.unpersist(false);
        lines.unpersist(false);
        if (chunkCount == 0) {
            throw new UserException(train + ": no partition holds the " + (length + 1) + " tokens of one chunk ("
                    + segments + " segments of training.bptt_length " + config.bpttLength()
                    + "); give fewer --partitions or --segments");
        }
        int rows = config.training().batchSize();
        double wordDropout = config.encoder().wordDropout();
        SparkFeed<int[]> feed = new SparkFeed<>(sc, chunks, rows, config.training().seed(), (examples, seed, epoch) -> {
            WordDropout dropout = new WordDropout(wordDropout, seed + epoch);
            return new BucketedBatchIterator<>(examples, BucketedBatchIterator.Encoding.of(c -> c.length - 1,
                    batch -> TokenStream.chunkRows(batch, dropout)), rows, true, seed);
        }, spread, config.bpttLength(), LanguageModelNetwork.trainingListeners(config));
        String layout = String.format(Locale.ROOT, "%,d chunks of %,d steps (%d segments of %d, the state from zero at"
                + " each chunk) in minibatches of %d per epoch", chunkCount, length, segments, config.bpttLength(), rows);
        return new LanguageModelInputs(vocabulary, trainSize, unknown, new TokenStream(ids(vocabulary, dev), devName),
                layout, feed, files, vectors);
    }

    private static void refuseWhatNeedsOneMachine(JavaSparkContext sc, LanguageModelConfig config) {
        LanguageModelConfig.Data data = config.data();
        for (String input : data.dev() == null ? List.of(data.train()) : List.of(data.train(), data.dev())) {
            JobFiles.requireInput(sc, input);
            if (JobFiles.isImdbArchive(sc, input)) {
                throw new UserException(input + ": rnn-spark train reads text files, not the IMDB archive or folder;"
                        + " train on it with rnn train, or write its reviews out one a line");
            }
        }
    }

    /** The tokens of each line as {@code rnn train} reads them in the whole text: a line ends where its break was. */
    private static Iterator<List<String>> lineTokens(TokenLevel level, boolean lowercase, Iterator<String> text) {
        StreamTokens tokenizer = new StreamTokens(level, lowercase);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return text.hasNext();
            }

            @Override
            public List<String> next() {
                return tokenizer.split(text.next() + "\n");
            }
        };
    }

    /** The tokens of a partition's lines that lie before {@code devStart} ({@code train}) or from it on, lazily. */
    private static Iterator<String> positioned(Iterator<List<String>> lines, long start, long devStart, boolean train) {
        return new Iterator<>() {
            private long position = start;
            private Iterator<String> line = java.util.Collections.emptyIterator();
            private String next = advance();

            private String advance() {
                while (true) {
                    while (line.hasNext()) {
                        String token = line.next();
                        boolean inTrain = position++ < devStart;
                        if (inTrain == train) {
                            return token;
                        }
                    }
                    if (!lines.hasNext()) {
                        return null;
                    }
                    line = lines.next().iterator();
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public String next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                String token = next;
                next = advance();
                return token;
            }
        };
    }

    /** {@code ids} cut into chunks of {@code length + 1} ids, each chunk's last id the next one's first. */
    private static List<int[]> chunks(int[] ids, int length) {
        List<int[]> chunks = new ArrayList<>();
        for (int start = 0; start + length < ids.length; start += length) {
            chunks.add(java.util.Arrays.copyOfRange(ids, start, start + length + 1));
        }
        return chunks;
    }

    private static int[] ids(Vocabulary vocabulary, List<String> tokens) {
        return tokens.stream().mapToInt(vocabulary::indexOf).toArray();
    }
}
