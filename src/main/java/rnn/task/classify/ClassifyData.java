package rnn.task.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import rnn.config.DevSplitMethod;
import rnn.data.DataException;
import rnn.data.DevSplit;
import rnn.data.EncodedExample;
import rnn.data.LabeledText;
import rnn.data.LabeledTexts;
import rnn.data.ReviewIds;
import rnn.data.TextEncoder;
import rnn.data.WordVectors;
import rnn.text.Tokenizer;
import rnn.text.Vocabulary;
import rnn.train.RunVectors;

/**
 * The classification task's data, ready to train on: the encoder (tokenizer, vocabulary, truncation),
 * the labels, and the encoded train and dev examples.
 */
record ClassifyData(TextEncoder encoder, Vocabulary labels, List<EncodedExample> train,
                     List<EncodedExample> dev, String devSource, List<Path> files, float[][] vectorsById) {

    /**
     * Reads, splits and encodes the data the config names; the vocabulary comes from train only,
     * extended with the words of {@code data.word_vectors} when given ({@code embeddingSize} must
     * match them) or of the vectors {@code runVectors} trains.
     */
    static ClassifyData prepare(ClassifyConfig.Data config, long seed, int embeddingSize, RunVectors<String> runVectors) {
        Path trainPath = Path.of(config.train());
        List<LabeledText> train = LabeledTexts.read(trainPath);
        List<LabeledText> dev;
        List<Path> files = new ArrayList<>(List.of(trainPath));
        if (config.trainIds() != null) {
            Path ids = Path.of(config.trainIds());
            train = ReviewIds.attach(ids, train);
            files.add(ids);
        }
        String devSource;
        if (config.dev() != null) {
            Path devPath = Path.of(config.dev());
            dev = LabeledTexts.read(devPath);
            files.add(devPath);
            devSource = config.dev();
        } else {
            CarvedDev carved = carve(config, train, trainPath.toString(), seed);
            train = carved.parts().train();
            dev = carved.parts().dev();
            devSource = carved.source();
        }
        Vocabulary labels = labels(config, trainPath.toString(), train.stream().map(LabeledText::label).toList());
        Tokenizer tokenizer = new Tokenizer(config.lowercase());
        Map<String, Integer> counts = countTokens(tokenizer, train);
        Vocabulary tokens = Vocabulary.ofTokens(counts, config.vocabSize(), config.minCount());
        WordVectors vectors = null;
        if (config.vectors().file() != null) {
            Path vectorsPath = Path.of(config.vectors().file());
            WordVectors.Extended extended = WordVectors.extend(tokens, vectorsPath, config.lowercase(),
                    config.vocabSize(), counts.keySet(), embeddingSize);
            tokens = extended.vocabulary();
            vectors = extended.vectors();
            files.add(vectorsPath);
        } else {
            WordVectors.Extended extended = runVectors.extend(train.stream().map(LabeledText::text).toList(), tokens,
                    counts.keySet());
            if (extended != null) {
                tokens = extended.vocabulary();
                vectors = extended.vectors();
            }
        }
        TextEncoder encoder = new TextEncoder(tokenizer, tokens, config.maxLength(), config.truncate());
        return new ClassifyData(encoder, labels, encode(encoder, labels, train, trainPath.toString()),
                encode(encoder, labels, dev, devSource), devSource, files,
                vectors == null ? null : vectors.byIndex(tokens));
    }

    /**
     * The dev split of {@code train} (read from {@code trainPath}, as given, ids attached) as the config
     * carves it: the same examples every time for the same data, config and seed.
     */
    static CarvedDev carve(ClassifyConfig.Data config, List<LabeledText> train, String trainPath, long seed) {
        if (train.size() < 2) {
            throw new DataException(trainPath + ": needs at least 2 examples to carve a dev set, found "
                    + train.size());
        }
        DevSplitMethod method = method(config.devSplit(), train, trainPath);
        DevSplit.Parts<LabeledText> parts = switch (method) {
            case GROUPS -> DevSplit.carveGroups(train, LabeledText::group, config.devFraction(), seed);
            case TOP_IDS -> DevSplit.carveTopIds(train, LabeledText::label, LabeledText::id, config.devFraction());
            default -> DevSplit.carve(train, config.devFraction(), seed);
        };
        return new CarvedDev(parts, trainPath + " (dev split: " + describe(method, parts.dev()) + ")");
    }

    /**
     * The method {@code dev_split} names; {@code auto} takes the most honest one the examples allow.
     * A method the examples cannot follow is an error that says what is missing.
     */
    private static DevSplitMethod method(DevSplitMethod asked, List<LabeledText> train, String trainPath) {
        boolean groups = train.stream().allMatch(t -> t.group() != null);
        boolean ids = train.stream().allMatch(t -> t.id() != LabeledText.NO_ID);
        return switch (asked) {
            case AUTO -> groups ? DevSplitMethod.GROUPS : ids ? DevSplitMethod.TOP_IDS : DevSplitMethod.RANDOM;
            case GROUPS -> {
                if (!groups) {
                    throw new DataException("data.dev_split: groups needs every example's group (an IMDB archive or "
                            + "folder with its urls_*.txt files); " + trainPath + " does not give them");
                }
                yield asked;
            }
            case TOP_IDS -> {
                if (!ids) {
                    throw new DataException("data.dev_split: top_ids needs every example's id (an IMDB archive or "
                            + "folder, or data.train_ids); " + trainPath + " does not give them");
                }
                yield asked;
            }
            case RANDOM -> asked;
        };
    }

    private static String describe(DevSplitMethod method, List<LabeledText> dev) {
        return switch (method) {
            case GROUPS -> "whole groups, " + dev.stream().map(LabeledText::group).distinct().count() + " of them";
            case TOP_IDS -> "the highest ids of each label";
            default -> "at random";
        };
    }

    /**
     * The label set: the config's {@code data.labels} in their order, or else the labels train
     * holds ({@code seen}, with or without repeats), sorted (at least two).
     */
    static Vocabulary labels(ClassifyConfig.Data config, String trainPath, java.util.Collection<String> seen) {
        if (config.labels() != null) {
            return Vocabulary.ofFixedLabels(config.labels());
        }
        Vocabulary labels = Vocabulary.ofLabels(seen);
        if (labels.size() < 2) {
            throw new DataException(trainPath + ": needs at least two different labels, found " + labels.entries());
        }
        return labels;
    }

    /**
     * Encodes labelled texts; a label the model does not know is an error naming the example's
     * file and line (or archive member), else {@code source}.
     */
    static List<EncodedExample> encode(TextEncoder encoder, Vocabulary labels, List<LabeledText> texts,
                                       String source) {
        List<EncodedExample> out = new ArrayList<>(texts.size());
        for (LabeledText t : texts) {
            out.add(encode(encoder, labels, t, source));
        }
        return out;
    }

    /** One labelled text, encoded as {@link #encode(TextEncoder, Vocabulary, List, String)} encodes each. */
    static EncodedExample encode(TextEncoder encoder, Vocabulary labels, LabeledText t, String source) {
        int label = labels.indexOf(t.label());
        if (label < 0) {
            throw new DataException((t.source() != null ? t.source() : source) + ": unknown label '" + t.label()
                    + "' (expected one of " + String.join(", ", labels.entries()) + ")");
        }
        return new EncodedExample(encoder.encode(t.text()), label);
    }

    private static Map<String, Integer> countTokens(Tokenizer tokenizer, List<LabeledText> texts) {
        Map<String, Integer> counts = new HashMap<>();
        for (LabeledText t : texts) {
            for (String w : tokenizer.words(t.text())) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        return counts;
    }
}
