package rnn.task.classify;

import java.util.List;

import rnn.config.ConfigSection;
import rnn.config.DevSplitMethod;
import rnn.config.EncoderConfig;
import rnn.config.Metric;
import rnn.config.Pooling;
import rnn.config.RunConfig;
import rnn.config.TrainingConfig;
import rnn.config.Truncation;
import rnn.config.ValueRange;
import rnn.config.WordVectorSource;
import rnn.config.YamlWriter;

/**
 * A text classifier's config: where the labelled texts come from and how they become token ids,
 * the encoder and its pooling over time, and training.
 *
 * @param data     the {@code data:} section
 * @param encoder  the {@code model:} keys of the recurrent encoder
 * @param pooling  {@code model.pooling}: how the sequence becomes one vector; a non-empty list whose
 *                 results are concatenated (e.g. {@code [mean, max]})
 * @param training the {@code training:} section
 */
public record ClassifyConfig(Data data, EncoderConfig encoder, List<Pooling> pooling, TrainingConfig training)
        implements RunConfig {

    /**
     * The {@code data:} section.
     *
     * @param train       {@code train}: labelled examples: a {@code label<TAB>text} file (plain or .gz), the
     *                    official {@code aclImdb_v1.tar.gz}, or an unpacked {@code aclImdb/} folder
     * @param dev         {@code dev}: an optional separate dev set in the same formats; null carves it from train
     * @param devFraction {@code dev_fraction}: share of train held out as dev when {@code dev} is null, in (0, 0.5]
     * @param devSplit    {@code dev_split}: how that share is chosen (whole movies, highest ids, or at random)
     * @param trainIds    {@code train_ids}: an optional sidecar naming each train row's original file (IMDB's
     *                    {@code train.ids.tsv.gz}), which gives a TSV's rows their ids for {@code top_ids}
     * @param maxLength   {@code max_length}: tokens kept per example, at least 1
     * @param truncate    {@code truncate}: which end of a long example is kept
     * @param lowercase   {@code lowercase}: fold text to lower case before counting tokens
     * @param vocabSize   {@code vocab_size}: most frequent tokens kept, {@code <pad>} and {@code <unk>} included; at least 3
     * @param minCount    {@code min_count}: tokens seen fewer times in train become {@code <unk>}; at least 1
     * @param labels      {@code labels}: the label set, in order (at least two, no repeats); a training or dev
     *                    example with another label is an error. Null: the labels train holds, sorted
     * @param vectors     {@code word_vectors}, {@code vectors_epochs} and {@code unlabelled}: where the word
     *                    vectors that start the embedding come from, their words joining the vocabulary up to
     *                    {@code vocab_size}; an IMDB archive or folder as {@code train} adds its 50,000
     *                    unlabelled reviews to {@code unlabelled} itself
     */
    public record Data(String train, String dev, double devFraction, DevSplitMethod devSplit, String trainIds,
                       int maxLength, Truncation truncate,
                       boolean lowercase, int vocabSize, int minCount, List<String> labels,
                       WordVectorSource vectors) {
    }

    @Override
    public String task() {
        return ClassifyTask.NAME;
    }

    static ClassifyConfig read(ConfigSection root) {
        ConfigSection s = root.section("data");
        Data data = new Data(
                s.getString("train", "data/imdb/sample.tsv.gz"),
                s.getOptionalString("dev", null),
                s.getDouble("dev_fraction", 0.1, ValueRange.openClosed(0, 0.5)),
                s.getEnum("dev_split", DevSplitMethod.class, DevSplitMethod.AUTO),
                s.getOptionalString("train_ids", null),
                s.getInt("max_length", 400, 1),
                s.getEnum("truncate", Truncation.class, Truncation.HEAD),
                s.getBoolean("lowercase", true),
                s.getInt("vocab_size", 30000, 3),
                s.getInt("min_count", 1, 1),
                s.getOptionalStringList("labels", 2),
                WordVectorSource.read(s));
        s.finish();
        ConfigSection m = root.section("model");
        EncoderConfig encoder = EncoderConfig.read(m, new EncoderConfig.Defaults(128, 128, 1, true));
        List<Pooling> pooling = m.getEnumList("pooling", Pooling.class, List.of(Pooling.MEAN, Pooling.MAX));
        m.finish();
        ConfigSection t = root.section("training");
        TrainingConfig training = TrainingConfig.read(t, new TrainingConfig.Defaults(2, 64, Metric.ACCURACY));
        t.finish();
        return new ClassifyConfig(data, encoder, pooling, training);
    }

    @Override
    public void writeSections(YamlWriter out) {
        out.section("data").key("train", data.train()).key("dev", data.dev()).key("dev_fraction", data.devFraction())
                .key("dev_split", data.devSplit()).key("train_ids", data.trainIds())
                .key("max_length", data.maxLength()).key("truncate", data.truncate())
                .key("lowercase", data.lowercase()).key("vocab_size", data.vocabSize())
                .key("min_count", data.minCount()).key("labels", data.labels());
        data.vectors().write(out);
        out.section("model");
        encoder.write(out, true);
        out.key("pooling", pooling);
        out.section("training");
        training.write(out);
    }
}
