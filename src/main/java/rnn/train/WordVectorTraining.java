package rnn.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import org.deeplearning4j.models.sequencevectors.SequenceVectors;
import org.deeplearning4j.models.sequencevectors.enums.ListenerEvent;
import org.deeplearning4j.models.sequencevectors.interfaces.VectorsListener;
import org.deeplearning4j.models.word2vec.VocabWord;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.text.sentenceiterator.CollectionSentenceIterator;
import org.deeplearning4j.text.tokenization.tokenizerfactory.DefaultTokenizerFactory;

import rnn.data.DataException;
import rnn.data.LabeledTextSource;
import rnn.data.TextFiles;
import rnn.text.Tokenizer;
import rnn.util.AtomicFiles;
import rnn.util.Progress;

/**
 * Trains word vectors on plain text with DL4J's word2vec (skip-gram, negative sampling) and writes
 * them in the text format {@link rnn.data.WordVectors} reads, most frequent word first. Each line
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

    /** Reports each document done: word2vec counts lines within an epoch (LINE) and epochs done (EPOCH). */
    private record ProgressListener(Progress progress, long documents, AtomicLong epochsDone)
            implements VectorsListener<VocabWord> {
        ProgressListener(Progress progress, long documents) {
            this(progress, documents, new AtomicLong());
        }

        @Override
        public boolean validateEvent(ListenerEvent event, long argument) {
            return true;
        }

        @Override
        public void processEvent(ListenerEvent event, SequenceVectors<VocabWord> vectors, long argument) {
            if (event == ListenerEvent.EPOCH) {
                epochsDone.set(argument);
            } else if (event == ListenerEvent.LINE) {
                progress.update(epochsDone.get() * documents + argument, "epoch " + (epochsDone.get() + 1));
            }
        }
    }

    /** What a run produced: the number of words with vectors, and the tokens read. */
    public record Result(int words, long tokens) {
    }

    /** Trains on every document of {@code inputs} (text files, plain or .gz, or the IMDB archive) and writes the vectors to {@code out} (gzipped for .gz), atomically. */
    public Result run(List<Path> inputs, Path out, Progress progress) throws IOException {
        return run(List.of(), inputs, out, progress);
    }

    /** As {@link #run(List, Path, Progress)}, with {@code texts} (one document each) read first. */
    public Result run(List<String> texts, List<Path> inputs, Path out, Progress progress) throws IOException {
        Tokenizer tokenizer = new Tokenizer(lowercase);
        List<String> documents = new ArrayList<>();
        long tokens = add(tokenizer, texts, documents);
        for (Path input : inputs) {
            tokens += add(tokenizer, LabeledTextSource.unlabelledReviews(input)
                    .orElseGet(() -> TextFiles.readString(input).lines().toList()), documents);
        }
        if (documents.isEmpty()) {
            throw new DataException(String.join(", ", inputs.stream().map(Path::toString).toList()) + ": no text to train on");
        }
        Word2Vec word2vec = new Word2Vec.Builder()
                .layerSize(size).windowSize(window).minWordFrequency(minCount).epochs(epochs).iterations(1)
                .negativeSample(5).useHierarchicSoftmax(false).sampling(1e-3)
                .seed(seed).workers(workers)
                .iterate(new CollectionSentenceIterator(documents))
                .tokenizerFactory(new DefaultTokenizerFactory())   // the documents are already space-separated words
                .setVectorsListeners(List.of(new ProgressListener(progress, documents.size())))
                .build();
        progress.start("word2vec", (long) documents.size() * epochs, "documents");
        word2vec.fit();
        progress.finish();
        List<String> words = new ArrayList<>(word2vec.getVocab().words());
        words.sort(Comparator.comparingDouble((String w) -> -word2vec.getVocab().wordFrequency(w))
                .thenComparing(Comparator.naturalOrder()));
        AtomicFiles.write(out, temporary -> {
            OutputStream stream = Files.newOutputStream(temporary);
            if (out.getFileName().toString().endsWith(".gz")) {
                stream = new GZIPOutputStream(stream, 1 << 16);
            }
            try (BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
                writer.write(words.size() + " " + size + "\n");
                for (String word : words) {
                    StringBuilder line = new StringBuilder(word);
                    for (double v : word2vec.getWordVector(word)) {
                        line.append(' ').append(String.format(Locale.ROOT, "%.5f", v));
                    }
                    writer.write(line.append('\n').toString());
                }
            }
        });
        return new Result(words.size(), tokens);
    }

    /** Adds each text's words as one space-separated document; returns the words added. */
    private static long add(Tokenizer tokenizer, List<String> texts, List<String> documents) {
        long tokens = 0;
        for (String text : texts) {
            List<String> words = tokenizer.words(text);
            if (!words.isEmpty()) {
                documents.add(String.join(" ", words));
                tokens += words.size();
            }
        }
        return tokens;
    }
}
