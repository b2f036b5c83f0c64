package rnn.task.tagger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import rnn.data.ConllFormat;
import rnn.data.DataException;
import rnn.data.DevSplit;
import rnn.data.TaggedExample;
import rnn.data.TaggedSentence;
import rnn.data.WordVectors;
import rnn.text.TagScheme;
import rnn.text.Vocabulary;
import rnn.train.RunVectors;

/**
 * A tagger's data, ready to train on: the word and tag vocabularies (words from train, and from
 * the pretrained word vectors when the config names them or the run trains them; tags from train and dev, in the scheme
 * the model learns), the encoded sentences, the dev sentences as read, for scoring in their own
 * scheme, and the word vectors (null without).
 */
record TaggerData(TaggerEncoder encoder, Vocabulary tags, List<TaggedExample> train, List<TaggedSentence> dev,
                  List<Path> files, WordVectors vectors) {

    static TaggerData prepare(TaggerConfig run, RunVectors<TaggedSentence> runVectors) {
        TaggerConfig.Data config = run.data();
        long seed = run.training().seed();
        Path trainPath = Path.of(config.train());
        List<TaggedSentence> train = read(config, trainPath);
        List<TaggedSentence> dev;
        List<Path> files = new ArrayList<>(List.of(trainPath));
        if (config.dev() != null) {
            Path devPath = Path.of(config.dev());
            dev = read(config, devPath);
            files.add(devPath);
        } else {
            DevSplit.Parts<TaggedSentence> parts = carve(config, train, trainPath.toString(), seed);
            train = parts.train();
            dev = parts.dev();
        }
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> charCounts = new HashMap<>();
        for (TaggedSentence s : train) {
            for (String w : s.tokens()) {
                counts.merge(TaggerEncoder.vocabularyWord(config.lowercase(), w), 1, Integer::sum);
                w.codePoints().forEach(c -> charCounts.merge(Character.toString(c), 1, Integer::sum));
            }
        }
        Vocabulary words = Vocabulary.ofTokens(counts, config.vocabSize(), config.minCount());
        WordVectors vectors = null;
        if (config.vectors().file() != null) {
            Path vectorsPath = Path.of(config.vectors().file());
            WordVectors.Extended extended = WordVectors.extend(words, vectorsPath, config.lowercase(),
                    config.vocabSize(), counts.keySet(), run.encoder().embeddingSize());
            words = extended.vocabulary();
            vectors = extended.vectors();
            files.add(vectorsPath);
        } else {
            WordVectors.Extended extended = runVectors.extend(train, words, counts.keySet());
            if (extended != null) {
                words = extended.vocabulary();
                vectors = extended.vectors();
            }
        }
        Vocabulary chars = run.chars() == null ? null : Vocabulary.ofTokens(charCounts, Integer.MAX_VALUE, 1);
        TaggerEncoder encoder = TaggerEncoder.of(run, words, chars);
        List<String> allTags = new ArrayList<>();
        for (List<TaggedSentence> part : List.of(train, dev)) {
            part.forEach(s -> allTags.addAll(toModelScheme(config, s.tags())));
        }
        Vocabulary tags = Vocabulary.ofLabels(allTags);
        List<TaggedExample> encoded = new ArrayList<>(train.size());
        for (TaggedSentence s : train) {
            encoded.add(encode(config, encoder, tags, s));
        }
        return new TaggerData(encoder, tags, encoded, dev, files, vectors);
    }

    /**
     * The dev split of {@code sentences} (or of anything standing for them in their order) as the
     * config carves it: at random with the run's seed, the same every time; {@code source} names
     * the file in the error for fewer than two.
     */
    static <T> DevSplit.Parts<T> carve(TaggerConfig.Data config, List<T> sentences, String source, long seed) {
        if (sentences.size() < 2) {
            throw new DataException(source + ": needs at least 2 sentences to carve a dev set, found "
                    + sentences.size());
        }
        return DevSplit.carve(sentences, config.devFraction(), seed);
    }

    /** A training sentence encoded, its tags in the scheme the model learns. */
    static TaggedExample encode(TaggerConfig.Data config, TaggerEncoder encoder, Vocabulary tags, TaggedSentence s) {
        return encoder.encode(s.tokens(), toModelScheme(config, s.tags()).stream().mapToInt(tags::indexOf).toArray());
    }

    /** The sentences of a file in the configured format. */
    static List<TaggedSentence> read(TaggerConfig.Data config, Path path) {
        return config.format() == TagFormat.CONLLU
                ? ConllFormat.conllu(path, conlluField(config))
                : ConllFormat.conll(path, config.tokenColumn(), config.tagColumn());
    }

    /**
     * The sentences of {@code lines}, part of a file in the configured format (a block between
     * blank lines), possibly none; {@code source} names them in errors.
     */
    static List<TaggedSentence> read(TaggerConfig.Data config, String source, List<String> lines) {
        return config.format() == TagFormat.CONLLU
                ? ConllFormat.conllu(source, lines, conlluField(config))
                : ConllFormat.conll(source, lines, config.tokenColumn(), config.tagColumn());
    }

    private static ConllFormat.PosField conlluField(TaggerConfig.Data config) {
        return switch (config.tagColumn()) {
            case 3 -> ConllFormat.PosField.UPOS;
            case 4 -> ConllFormat.PosField.XPOS;
            default -> throw new DataException("data.tag_column: CoNLL-U files are tagged from column 3 (UPOS) or 4"
                    + " (XPOS), got " + config.tagColumn());
        };
    }

    /** {@code tags} in the scheme the model learns. */
    static List<String> toModelScheme(TaggerConfig.Data config, List<String> tags) {
        TagScheme scheme = scheme(config.tagScheme());
        return scheme == null ? tags : scheme.convert(tags);
    }

    /** The scheme a config names, or null for tags that mark no spans. */
    static TagScheme scheme(TagSchemeName name) {
        return name == TagSchemeName.NONE ? null : TagScheme.valueOf(name.name());
    }
}
