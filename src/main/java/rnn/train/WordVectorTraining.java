package rnn.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

import rnn.data.DataException;
import rnn.data.LabeledTextSource;
import rnn.data.TextFiles;
import rnn.data.WordVectors;
import rnn.text.Tokenizer;
import rnn.text.Vocabulary;
import rnn.util.AtomicFiles;
import rnn.util.Progress;

/**
 * Trains word vectors on plain text with word2vec's skip-gram and negative sampling ({@link SkipGram}:
 * 5 negatives, subsampling at 1e-3, rate 0.025, word2vec.c's defaults) and writes them in the text format {@link rnn.data.WordVectors} reads, most frequent word first. Each line
 * of a text file is one document; the official IMDB archive (or its unpacked folder) gives its
 * 50,000 unlabelled reviews. Documents are split into words by rnn's {@link Tokenizer}, so the
 * words are those {@code rnn tag} sees in plain text.
 *
 * @param size     numbers per vector
 * @param window   words on each side of a word that count as its context
 * @param minCount words seen fewer times are left out
 * @param epochs   passes over the text
 * @param lowercase fold words to lower case
 * @param seed     seed of the initial vectors and the sampling
 * @param workers  threads
 */
public record WordVectorTraining(int size, int window, int minCount, int epochs, boolean lowercase, long seed,
                                 int workers) {

    /** What a run produced: the number of words with vectors, and the tokens read. */
    public record Result(int words, long tokens) {
    }

    /** Trains on every document of {@code inputs} (text files, plain or .gz, or the IMDB archive) and writes the vectors to {@code out} (gzipped for .gz), atomically. */
    public Result run(List<Path> inputs, Path out, Progress progress) throws IOException {
        return run(List.of(), inputs, out, progress);
    }

    /** As {@link #run(List, Path, Progress)}, with {@code texts} (one document each) read first. */
    public Result run(List<String> texts, List<Path> inputs, Path out, Progress progress) throws IOException {
        Corpus corpus = read(texts, inputs);
        List<String> words = corpus.kept(minCount, named(inputs));
        int[] finalId = new int[corpus.words.size()];
        Arrays.fill(finalId, -1);
        long[] counts = new long[words.size()];
        for (int i = 0; i < words.size(); i++) {
            int first = corpus.ids.get(words.get(i));
            finalId[first] = i;
            counts[i] = corpus.counts[first];
        }
        int[][] encoded = new int[corpus.documents.size()][];
        for (int d = 0; d < encoded.length; d++) {
            // words below min_count are left out, so a window reaches past them (as in word2vec.c)
            encoded[d] = Arrays.stream(corpus.documents.get(d)).map(id -> finalId[id]).filter(id -> id >= 0)
                    .toArray();
            corpus.documents.set(d, null);
        }
        progress.start("word2vec", (long) encoded.length * epochs, "documents");
        float[] vectors = new SkipGram(size, window, 5, 1e-3, 0.025f, epochs, seed, workers)
                .train(encoded, counts, done -> progress.update(done, "epoch " + (done / encoded.length + 1)));
        progress.finish();
        AtomicFiles.write(out, temporary -> {
            OutputStream stream = Files.newOutputStream(temporary);
            if (out.getFileName().toString().endsWith(".gz")) {
                stream = new GZIPOutputStream(stream, 1 << 16);
            }
            try (BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
                writer.write(words.size() + " " + size + "\n");
                for (int i = 0; i < words.size(); i++) {
                    StringBuilder line = new StringBuilder(words.get(i));
                    for (int j = 0; j < size; j++) {
                        line.append(' ').append(String.format(Locale.ROOT, "%.5f", vectors[i * size + j]));
                    }
                    writer.write(line.append('\n').toString());
                }
            }
        });
        return new Result(words.size(), corpus.tokens);
    }

    /**
     * The words {@link #run} would write vectors for, in its order (most frequent first, then in
     * word order), without training: what a resumed run needs to rebuild a vocabulary that the
     * vectors extended.
     */
    public List<String> words(List<String> texts, List<Path> inputs) {
        return read(texts, inputs).kept(minCount, named(inputs));
    }

    /**
     * Trains the vectors a training run starts from, on {@code texts} and {@code inputs}, into a
     * temporary file that {@code read} turns into what the task needs; logs how many words and
     * tokens and how long, and deletes the file.
     */
    public <T> T trainForRun(List<String> texts, List<Path> inputs, TrainRequest request, Function<Path, T> read) {
        Path file = null;
        try {
            file = Files.createTempFile("rnn-vectors", ".txt");
            long started = System.nanoTime();
            Result result = run(texts, inputs, file, request.progress());
            request.log().printf(Locale.ROOT, "word vectors: %,d words from %,d tokens in %.1f min%n", result.words(),
                    result.tokens(), (System.nanoTime() - started) / 6e10);
            request.log().flush();
            return read.apply(file);
        } catch (IOException e) {
            throw new DataException("word vectors: cannot write them to a temporary file (" + e.getMessage() + ")", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /**
     * The vocabulary a run's own vectors give: {@code counted} (from the training texts) extended
     * with the vectors' words, most frequent first, up to {@code vocabSize} entries, as
     * {@link WordVectors#extend} does for a {@code data.word_vectors} file; and those vectors. A
     * resumed run takes its network from the checkpoint, so it trains nothing and only counts the
     * words again to rebuild the same vocabulary (the vectors are then null).
     */
    public WordVectors.Extended extendForRun(List<String> texts, List<Path> inputs, Vocabulary counted,
                                             Set<String> trainWords, int vocabSize, TrainRequest request) {
        if (request.resume()) {
            return new WordVectors.Extended(counted.extendedWith(words(texts, inputs), vocabSize), null);
        }
        return trainForRun(texts, inputs, request, file -> WordVectors.extend(counted, file, lowercase, vocabSize,
                trainWords, size));
    }

    /**
     * The training a run does for its own vectors ({@code data.vectors_epochs}): word2vec.c's
     * window and minimum count (5 and 5), one worker per OpenMP thread ({@link #threads()}).
     */
    public static WordVectorTraining forRun(int size, int epochs, boolean lowercase, long seed) {
        return new WordVectorTraining(size, 5, 5, epochs, lowercase, seed, threads());
    }

    /** The workers for vectors trained in a run: one per OpenMP thread, so a one-thread run repeats exactly. */
    public static int threads() {
        try {
            return Math.max(1, Integer.parseInt(System.getenv().getOrDefault("OMP_NUM_THREADS", "1").strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private Corpus read(List<String> texts, List<Path> inputs) {
        Corpus corpus = new Corpus(new Tokenizer(lowercase));
        corpus.add(texts);
        for (Path input : inputs) {
            corpus.add(LabeledTextSource.unlabelledReviews(input)
                    .orElseGet(() -> TextFiles.readString(input).lines().toList()));
        }
        if (corpus.documents.isEmpty()) {
            throw new DataException(named(inputs) + ": no text to train on");
        }
        return corpus;
    }

    private static String named(List<Path> inputs) {
        return String.join(", ", inputs.stream().map(Path::toString).toList());
    }

    /** Documents as word ids in order of first appearance, with each word's count: 4 bytes a token. */
    private static final class Corpus {
        private final Tokenizer tokenizer;
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> words = new ArrayList<>();
        private long[] counts = new long[1024];
        private final List<int[]> documents = new ArrayList<>();
        private long tokens;

        Corpus(Tokenizer tokenizer) {
            this.tokenizer = tokenizer;
        }

        /**
         * The words seen at least {@code minCount} times, most frequent first, then in word order:
         * the file's order, and the ids of the noise table.
         */
        List<String> kept(int minCount, String named) {
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                if (counts[i] >= minCount) {
                    kept.add(words.get(i));
                }
            }
            if (kept.isEmpty()) {
                throw new DataException(named + ": no word occurs " + minCount + " times or more");
            }
            kept.sort(Comparator.comparingLong((String w) -> -counts[ids.get(w)])
                    .thenComparing(Comparator.naturalOrder()));
            return kept;
        }

        /** Adds each text's words as one document. */
        void add(List<String> texts) {
            for (String text : texts) {
                List<String> found = tokenizer.words(text);
                if (found.isEmpty()) {
                    continue;
                }
                int[] document = new int[found.size()];
                for (int i = 0; i < document.length; i++) {
                    Integer id = ids.get(found.get(i));
                    if (id == null) {
                        id = words.size();
                        ids.put(found.get(i), id);
                        words.add(found.get(i));
                        if (id == counts.length) {
                            counts = Arrays.copyOf(counts, 2 * counts.length);
                        }
                    }
                    counts[id]++;
                    document[i] = id;
                }
                documents.add(document);
                tokens += document.length;
            }
        }
    }
}
