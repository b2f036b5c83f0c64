package rnn.task.tagger;

import java.util.List;

import rnn.config.ConfigSection;
import rnn.config.EncoderConfig;
import rnn.config.Metric;
import rnn.config.RunConfig;
import rnn.config.TrainingConfig;
import rnn.config.ValueRange;
import rnn.config.WordVectorSource;
import rnn.config.YamlWriter;

/**
 * A tagger's config: the CoNLL or CoNLL-U files and which columns hold words and tags, the
 * encoder with its output layer and optional character encoder, and training.
 *
 * @param data        the {@code data:} section
 * @param encoder     the {@code model:} keys of the recurrent encoder ({@code word_dropout} among them: a
 *                    dropped word's characters stay)
 * @param output      {@code model.output}: a softmax per token or a CRF over the sentence
 * @param chars       {@code model.chars}: the character-level word encoder, or null for none
 * @param training    the {@code training:} section
 */
public record TaggerConfig(Data data, EncoderConfig encoder, TaggerOutput output, CharEncoderConfig chars,
                           TrainingConfig training) implements RunConfig {

    /**
     * The {@code data:} section.
     *
     * @param train       {@code train}: a CoNLL or CoNLL-U file (plain or .gz)
     * @param dev         {@code dev}: an optional separate dev file in the same format; null carves it from train
     * @param devFraction {@code dev_fraction}: share of train held out as dev when {@code dev} is null, in (0, 0.5]
     * @param format      {@code format}: the files' format
     * @param tokenColumn {@code token_column}: the token's column, from 0
     * @param tagColumn   {@code tag_column}: the tag's column, from 0; negative counts from the end
     * @param tagScheme   {@code tag_scheme}: the scheme the model learns
     * @param lowercase   {@code lowercase}: fold words to lower case for the word embedding
     * @param vocabSize   {@code vocab_size}: most frequent words kept, {@code <pad>} and {@code <unk>} included; at least 3
     * @param minCount    {@code min_count}: words seen fewer times in train become {@code <unk>}; at least 1
     * @param vectors     {@code word_vectors}, {@code vectors_epochs} and {@code unlabelled}: where the word
     *                    vectors that start the word embedding come from, their words joining the vocabulary
     *                    up to {@code vocab_size}
     */
    public record Data(String train, String dev, double devFraction, TagFormat format, int tokenColumn, int tagColumn,
                       TagSchemeName tagScheme, boolean lowercase, int vocabSize, int minCount,
                       WordVectorSource vectors) implements java.io.Serializable {
    }

    @Override
    public String task() {
        return TaggerTask.NAME;
    }

    static TaggerConfig read(ConfigSection root) {
        Data data = readData(root.section("data"));
        ConfigSection m = root.section("model");
        EncoderConfig encoder = EncoderConfig.read(m, new EncoderConfig.Defaults(128, 128, 1, true));
        TaggerOutput output = m.getEnum("output", TaggerOutput.class, TaggerOutput.SOFTMAX);
        CharEncoderConfig chars = readChars(m);
        m.finish();
        ConfigSection t = root.section("training");
        TrainingConfig training = TrainingConfig.read(t, new TrainingConfig.Defaults(2, 64,
                data.tagScheme() == TagSchemeName.NONE ? Metric.ACCURACY : Metric.F1));
        t.finish();
        return new TaggerConfig(data, encoder, output, chars, training);
    }

    private static Data readData(ConfigSection s) {
        String train = s.getString("train", "data/ud-ewt/sample.conllu.gz");
        String dev = s.getOptionalString("dev", null);
        double devFraction = s.getDouble("dev_fraction", 0.1, ValueRange.openClosed(0, 0.5));
        TagFormat format = s.getEnum("format", TagFormat.class, TagFormat.CONLLU);
        boolean conllu = format == TagFormat.CONLLU;
        int tokenColumn = s.getInt("token_column", conllu ? 1 : 0, 0);
        int tagColumn = s.getInt("tag_column", conllu ? 3 : -1, Integer.MIN_VALUE);
        TagSchemeName scheme = s.getEnum("tag_scheme", TagSchemeName.class, conllu ? TagSchemeName.NONE
                : TagSchemeName.BIOES);
        Data data = new Data(train, dev, devFraction, format, tokenColumn, tagColumn, scheme,
                s.getBoolean("lowercase", false),
                s.getInt("vocab_size", 50000, 3),
                s.getInt("min_count", 1, 1),
                WordVectorSource.read(s));
        s.finish();
        return data;
    }

    /** {@code chars: null} (the default) or a section; an empty section takes every default. */
    private static CharEncoderConfig readChars(ConfigSection model) {
        if (!model.isPresent("chars")) {
            return null;
        }
        ConfigSection s = model.section("chars");
        int window = s.getInt("window", 3, 1);
        if (window % 2 == 0) {
            throw s.error("window", "must be odd, got " + window);
        }
        CharEncoderConfig config = new CharEncoderConfig(s.getInt("embedding_size", 25, 1),
                s.getInt("filters", 50, 1), window, s.getInt("max_chars", 20, 1));
        s.finish();
        return config;
    }

    @Override
    public void writeSections(YamlWriter out) {
        out.section("data").key("train", data.train()).key("dev", data.dev()).key("dev_fraction", data.devFraction())
                .key("format", data.format()).key("token_column", data.tokenColumn())
                .key("tag_column", data.tagColumn()).key("tag_scheme", data.tagScheme());
        data.vectors().write(out).key("lowercase", data.lowercase())
                .key("vocab_size", data.vocabSize()).key("min_count", data.minCount());
        out.section("model");
        encoder.write(out, true);
        out.key("output", output);
        if (chars == null) {
            out.key("chars", null);
        } else {
            out.subsection("chars").key("embedding_size", chars.embeddingSize()).key("filters", chars.filters())
                    .key("window", chars.window()).key("max_chars", chars.maxChars()).end();
        }
        out.section("training");
        training.write(out);
    }
}
