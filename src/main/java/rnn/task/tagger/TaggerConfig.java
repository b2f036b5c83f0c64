package rnn.task.tagger;

import java.util.List;

import rnn.config.ConfigSection;
import rnn.config.EncoderConfig;
import rnn.config.Metric;
import rnn.config.RunConfig;
import rnn.config.TrainingConfig;
import rnn.config.ValueRange;
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
     * @param wordVectors {@code word_vectors}: pretrained word vectors (word2vec, GloVe or fastText text format)
     *                    to start the word embedding from, their words joining the vocabulary up to
     *                    {@code vocab_size}; null for none
     * @param vectorsEpochs {@code vectors_epochs}: when above 0, word2vec is trained for that many epochs at
     *                    the start of a run, on the training sentences and {@code unlabelled}, and its vectors
     *                    act as {@code word_vectors} would; 0 for none; {@link #AUTO_VECTORS} ({@code auto}):
     *                    one epoch when {@code unlabelled} names text and {@code word_vectors} none, none
     *                    otherwise. A number above 0 is refused with {@code word_vectors}
     * @param unlabelled  {@code unlabelled}: more text for those vectors, one document a line (plain or .gz)
     */
    public record Data(String train, String dev, double devFraction, TagFormat format, int tokenColumn, int tagColumn,
                       TagSchemeName tagScheme, boolean lowercase, int vocabSize, int minCount, String wordVectors,
                       int vectorsEpochs, List<String> unlabelled)
            implements java.io.Serializable {
        /** {@code vectors_epochs: auto}. */
        public static final int AUTO_VECTORS = -1;

        public Data {
            unlabelled = unlabelled == null ? List.of() : List.copyOf(unlabelled);
        }

        /** The epochs of word2vec a run trains: {@code vectors_epochs}, or for {@code auto} one with unlabelled text and no file. */
        public int vectorsEpochsToTrain() {
            return vectorsEpochs != AUTO_VECTORS ? vectorsEpochs : unlabelled.isEmpty() || wordVectors != null ? 0 : 1;
        }
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
                s.getOptionalString("word_vectors", null),
                s.getIntOrWord("vectors_epochs", 0, 0, "auto", Data.AUTO_VECTORS),
                s.getOptionalStringList("unlabelled", 0));
        if (data.vectorsEpochs() > 0 && data.wordVectors() != null) {
            throw s.error("vectors_epochs", "word vectors come either from data.word_vectors or from training them "
                    + "(vectors_epochs); set one of them");
        }
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
                .key("tag_column", data.tagColumn()).key("tag_scheme", data.tagScheme())
                .key("word_vectors", data.wordVectors())
                .key("vectors_epochs", data.vectorsEpochs() == Data.AUTO_VECTORS ? "auto" : data.vectorsEpochs())
                .key("unlabelled", data.unlabelled()).key("lowercase", data.lowercase())
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
