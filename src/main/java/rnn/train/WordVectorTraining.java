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
import java.util.zip.GZIPOutputStream;

import rnn.data.DataException;
import rnn.data.LabeledTextSource;
import rnn.data.TextFiles;
import rnn.text.Tokenizer;
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
        Corpus corpus = new Corpus(new Tokenizer(lowercase));
        corpus.add(texts);
        for (Path input : inputs) {
            corpus.add(LabeledTextSource.unlabelledReviews(input)
                    .orElseGet(() -> TextFiles.readString(input).lines().toList()));
        }
        String named = String.join(", ", inputs.stream().map(Path::toString).toList());
        if (corpus.documents.isEmpty()) {
            throw new DataException(named + ": no text to train on");
        }
        // most frequent first, then in word order: the file's order, and ids for the noise table
        List<String> words = new ArrayList<>();
        for (int i = 0; i < corpus.words.size(); i++) {
            if (corpus.counts[i] >= minCount) {
                words.add(corpus.words.get(i));
            }
        }
        if (words.isEmpty()) {
            throw new DataException(named + ": no word occurs " + minCount + " times or more");
        }
        words.sort(Comparator.comparingLong((String w) -> -corpus.counts[corpus.ids.get(w)])
                .thenComparing(Comparator.naturalOrder()));
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
