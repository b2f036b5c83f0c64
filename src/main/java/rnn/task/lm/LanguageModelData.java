package rnn.task.lm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import rnn.data.DataException;
import rnn.data.LabeledText;
import rnn.data.LabeledTextSource;
import rnn.data.TextFiles;
import rnn.data.WordVectors;
import rnn.data.TokenStream;
import rnn.text.StreamTokens;
import rnn.text.Vocabulary;

/**
 * A language model's data, ready to train on: how text becomes tokens, the vocabulary (from the
 * training text only), and the train and dev token streams.
 */
record LanguageModelData(StreamTokens tokenizer, Vocabulary vocabulary, TokenStream train, TokenStream dev,
                         List<Path> files, float[][] vectorsById) {

    /**
     * Reads the files the config names; without a dev file, the last {@code dev_fraction} of train is dev.
     * With {@code data.word_vectors}, the vectors of the vocabulary's words ({@code embeddingSize} numbers each).
     */
    static LanguageModelData prepare(LanguageModelConfig.Data config, int embeddingSize, boolean resumed) {
        StreamTokens tokenizer = tokenizer(config);
        Path trainPath = Path.of(config.train());
        List<String> train = tokenizer.split(text(trainPath));
        List<Path> files = new ArrayList<>(List.of(trainPath));
        List<String> dev;
        String devName;
        if (config.dev() != null) {
            Path devPath = Path.of(config.dev());
            dev = tokenizer.split(TextFiles.readString(devPath));
            devName = devPath.toString();
            files.add(devPath);
        } else {
            int devSize = (int) Math.round(config.devFraction() * train.size());
            if (devSize < 2 || train.size() - devSize < 2) {
                throw new DataException(trainPath + ": " + train.size() + " tokens are too few to carve a dev part");
            }
            dev = new ArrayList<>(train.subList(train.size() - devSize, train.size()));
            train = new ArrayList<>(train.subList(0, train.size() - devSize));
            devName = trainPath + " (last " + devSize + " tokens)";
        }
        if (train.size() < 2) {
            throw new DataException(trainPath + ": needs at least 2 tokens, found " + train.size());
        }
        if (dev.size() < 2) {
            throw new DataException(devName + ": needs at least 2 tokens, found " + dev.size());
        }
        Map<String, Integer> counts = new HashMap<>();
        train.forEach(t -> counts.merge(t, 1, Integer::sum));
        Vocabulary vocabulary = Vocabulary.ofTokens(counts, config.vocabSize(), config.minCount());
        float[][] vectors = null;
        if (config.wordVectors() != null) {
            // a resumed run's embedding comes from its checkpoint; the vocabulary does not depend on the vectors
            Path vectorsPath = Path.of(config.wordVectors());
            vectors = resumed ? null : WordVectors.forVocabulary(vectorsPath, config.lowercase(), vocabulary,
                    embeddingSize);
            files.add(vectorsPath);
        }
        return new LanguageModelData(tokenizer, vocabulary, encode(vocabulary, train, trainPath.toString()),
                encode(vocabulary, dev, devName), files, vectors);
    }

    /**
     * The text at {@code path}: a text file's content, or, for the IMDB archive or an {@code aclImdb}
     * folder, its training reviews and then its unlabelled ones, a review a line (the reviews'
     * own language, for a language model that starts a classifier: {@code model.encoder_from}).
     */
    static String text(Path path) {
        java.util.Optional<List<String>> unlabelled = LabeledTextSource.unlabelledReviews(path);
        if (unlabelled.isEmpty()) {
            return TextFiles.readString(path);
        }
        StringBuilder text = new StringBuilder();
        for (LabeledText review : LabeledTextSource.read(path)) {
            text.append(review.text().replace('\n', ' ')).append('\n');
        }
        for (String review : unlabelled.get()) {
            text.append(review.replace('\n', ' ')).append('\n');
        }
        return text.toString();
    }

    static StreamTokens tokenizer(LanguageModelConfig.Data config) {
        return new StreamTokens(config.level(), config.lowercase());
    }

    static TokenStream encode(Vocabulary vocabulary, List<String> tokens, String source) {
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.indexOf(tokens.get(i));
        }
        return new TokenStream(ids, source);
    }

    /** Share of tokens in {@code stream} that are {@code <unk>}, for the log. */
    static double unknownShare(TokenStream stream) {
        return (double) unknownCount(stream) / Math.max(1, stream.size());
    }

    /** Tokens in {@code stream} that are {@code <unk>}. */
    static long unknownCount(TokenStream stream) {
        long unknown = 0;
        for (int id : stream.ids()) {
            if (id == Vocabulary.UNK_INDEX) {
                unknown++;
            }
        }
        return unknown;
    }
}
