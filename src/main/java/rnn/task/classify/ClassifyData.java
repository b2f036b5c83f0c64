package rnn.task.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import rnn.data.DataException;
import rnn.data.DevSplit;
import rnn.data.EncodedExample;
import rnn.data.LabeledText;
import rnn.data.LabeledTexts;
import rnn.data.TextEncoder;
import rnn.text.Tokenizer;
import rnn.text.Vocabulary;

/**
 * The classification task's data, ready to train on: the encoder (tokenizer, vocabulary, truncation),
 * the labels, and the encoded train and dev examples.
 */
record ClassifyData(TextEncoder encoder, Vocabulary labels, List<EncodedExample> train,
                     List<EncodedExample> dev, List<Path> files) {

    /** Reads, splits and encodes the data the config names; the vocabulary comes from train only. */
    static ClassifyData prepare(ClassifyConfig.Data config, long seed) {
        Path trainPath = Path.of(config.train());
        List<LabeledText> train = LabeledTexts.read(trainPath);
        List<LabeledText> dev;
        List<Path> files = new ArrayList<>(List.of(trainPath));
        if (config.dev() != null) {
            Path devPath = Path.of(config.dev());
            dev = LabeledTexts.read(devPath);
            files.add(devPath);
        } else {
            if (train.size() < 2) {
                throw new DataException(trainPath + ": needs at least 2 examples to carve a dev set, found "
                        + train.size());
            }
            DevSplit.Parts<LabeledText> parts = DevSplit.carve(train, config.devFraction(), seed);
            train = parts.train();
            dev = parts.dev();
        }
        Vocabulary labels = labels(config, trainPath, train);
        Tokenizer tokenizer = new Tokenizer(config.lowercase());
        Vocabulary tokens = Vocabulary.ofTokens(countTokens(tokenizer, train), config.vocabSize(), config.minCount());
        TextEncoder encoder = new TextEncoder(tokenizer, tokens, config.maxLength(), config.truncate());
        String devName = config.dev() != null ? config.dev() : trainPath + " (dev split)";
        return new ClassifyData(encoder, labels, encode(encoder, labels, train, trainPath.toString()),
                encode(encoder, labels, dev, devName), files);
    }

    /**
     * The label set: the config's {@code data.labels} in their order, or else the labels train
     * holds, sorted (at least two).
     */
    private static Vocabulary labels(ClassifyConfig.Data config, Path trainPath, List<LabeledText> train) {
        if (config.labels() != null) {
            return Vocabulary.ofFixedLabels(config.labels());
        }
        Vocabulary labels = Vocabulary.ofLabels(train.stream().map(LabeledText::label).toList());
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
            int label = labels.indexOf(t.label());
            if (label < 0) {
                throw new DataException((t.source() != null ? t.source() : source) + ": unknown label '" + t.label()
                        + "' (expected one of " + String.join(", ", labels.entries()) + ")");
            }
            out.add(new EncodedExample(encoder.encode(t.text()), label));
        }
        return out;
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
