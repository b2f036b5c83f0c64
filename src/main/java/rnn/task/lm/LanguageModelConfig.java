package rnn.task.lm;

import java.util.List;

import rnn.config.ConfigSection;
import rnn.config.EncoderConfig;
import rnn.config.Metric;
import rnn.config.RunConfig;
import rnn.config.TrainingConfig;
import rnn.config.ValueRange;
import rnn.config.YamlWriter;
import rnn.text.TokenLevel;

/**
 * A language model's config: the text it reads as one stream of words or characters, the
 * (one-directional) encoder, and training with truncated back-propagation through time.
 *
 * @param data       the {@code data:} section
 * @param encoder    the {@code model:} keys (a language model reads no {@code bidirectional}: false)
 * @param output     the {@code model:} keys of the softmax over the vocabulary
 * @param training   the {@code training:} section
 * @param bpttLength {@code training.bptt_length}: time steps per truncated back-propagation segment; the
 *                   hidden state carries over from one segment to the next; at least 1
 */
public record LanguageModelConfig(Data data, EncoderConfig encoder, Output output, TrainingConfig training,
                                  int bpttLength) implements RunConfig {

    /**
     * The {@code data:} section.
     *
     * @param train       {@code train}: a text file (plain or .gz) read as one stream
     * @param dev         {@code dev}: an optional separate dev text; null takes the end of train
     * @param devFraction {@code dev_fraction}: share of the training stream's end held out as dev when
     *                    {@code dev} is null, in (0, 0.5]
     * @param level       {@code level}: a token is a word (lines end with {@code <eos>}) or a character
     * @param lowercase   {@code lowercase}: fold text to lower case before counting tokens
     * @param vocabSize   {@code vocab_size}: most frequent tokens kept, {@code <pad>} and {@code <unk>} included; at least 3
     * @param minCount    {@code min_count}: tokens seen fewer times in train become {@code <unk>}; at least 1
     * @param wordVectors {@code word_vectors}: pretrained word vectors (word2vec, GloVe or fastText text format,
     *                    as {@code rnn vectors} writes) to start the embedding of the vocabulary's words from
     *                    (and with {@code tie_embeddings} the softmax's); a language model predicts only its
     *                    counted vocabulary, so the vectors' other words do not join it. Word levels only; null for none
     */
    public record Data(String train, String dev, double devFraction, TokenLevel level, boolean lowercase,
                       int vocabSize, int minCount, String wordVectors) {
    }

    /** How the next token's probabilities are computed. */
    public enum Softmax {
        /** One softmax over the whole vocabulary. */
        FULL,
        /** The adaptive softmax: frequent tokens in a head, rarer ones in narrower clusters. */
        ADAPTIVE
    }

    /**
     * The softmax keys of the {@code model:} section.
     *
     * @param softmax       {@code softmax}: {@code full}, or {@code adaptive}, which costs a training step
     *                      far less over a large vocabulary and gives the same exact probabilities
     * @param cutoffs       {@code softmax_cutoffs}: for {@code adaptive}, where the head ends and each cluster
     *                      starts, in ids by falling frequency; those at or past the vocabulary's size are dropped
     * @param tieEmbeddings {@code tie_embeddings}: the softmax's weights are the token embedding (needs
     *                      {@code softmax: full} and {@code hidden} equal to {@code embedding_size})
     */
    public record Output(Softmax softmax, List<Integer> cutoffs, boolean tieEmbeddings) {
        static final List<Integer> DEFAULT_CUTOFFS = List.of(2000, 10000);

        /** The full softmax, untied: what a config without these keys (and every bundle before them) has. */
        public static final Output FULL = new Output(Softmax.FULL, DEFAULT_CUTOFFS, false);

        static Output read(ConfigSection model, EncoderConfig encoder) {
            Softmax softmax = model.getEnum("softmax", Softmax.class, Softmax.FULL);
            List<Integer> cutoffs = model.getRisingIntList("softmax_cutoffs", DEFAULT_CUTOFFS, 1);
            boolean tie = model.getBoolean("tie_embeddings", false);
            if (tie && softmax != Softmax.FULL) {
                throw model.error("tie_embeddings", "needs model.softmax: full (the adaptive softmax has no"
                        + " weight per token to tie)");
            }
            if (tie && encoder.hidden() != encoder.embeddingSize()) {
                throw model.error("tie_embeddings", "needs model.hidden (" + encoder.hidden()
                        + ") equal to model.embedding_size (" + encoder.embeddingSize() + ")");
            }
            return new Output(softmax, cutoffs, tie);
        }
    }

    @Override
    public String task() {
        return LanguageModelTask.NAME;
    }

    static LanguageModelConfig read(ConfigSection root) {
        ConfigSection s = root.section("data");
        Data data = new Data(
                s.getString("train", "data/tinyshakespeare/train.txt.gz"),
                s.getOptionalString("dev", "data/tinyshakespeare/valid.txt.gz"),
                s.getDouble("dev_fraction", 0.05, ValueRange.openClosed(0, 0.5)),
                s.getEnum("level", TokenLevel.class, TokenLevel.CHAR),
                s.getBoolean("lowercase", false),
                s.getInt("vocab_size", 50000, 3),
                s.getInt("min_count", 1, 1),
                s.getOptionalString("word_vectors", null));
        if (data.wordVectors() != null && data.level() == TokenLevel.CHAR) {
            throw s.error("word_vectors", "needs data.level: word or text (the vectors are of words)");
        }
        s.finish();
        ConfigSection m = root.section("model");
        EncoderConfig encoder = EncoderConfig.read(m, new EncoderConfig.Defaults(64, 256, 2, false));
        Output output = Output.read(m, encoder);
        m.finish();
        ConfigSection t = root.section("training");
        TrainingConfig training = TrainingConfig.read(t, new TrainingConfig.Defaults(10, 32, Metric.PERPLEXITY));
        int bpttLength = t.getInt("bptt_length", 100, 1);
        t.finish();
        return new LanguageModelConfig(data, encoder, output, training, bpttLength);
    }

    @Override
    public void writeSections(YamlWriter out) {
        out.section("data").key("train", data.train()).key("dev", data.dev()).key("dev_fraction", data.devFraction())
                .key("level", data.level()).key("lowercase", data.lowercase()).key("vocab_size", data.vocabSize())
                .key("min_count", data.minCount()).key("word_vectors", data.wordVectors());
        out.section("model");
        encoder.write(out, false);
        out.key("softmax", output.softmax()).key("softmax_cutoffs", output.cutoffs())
                .key("tie_embeddings", output.tieEmbeddings());
        out.section("training");
        training.write(out);
        out.key("bptt_length", bpttLength);
    }
}
