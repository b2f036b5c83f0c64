package rnn.task.tagger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.deeplearning4j.nn.graph.ComputationGraph;

import rnn.bundle.Bundle;
import rnn.config.ConfigSection;
import rnn.config.Metric;
import rnn.config.RunConfig;
import rnn.data.BucketedBatchIterator;
import rnn.data.DevSplit;
import rnn.data.TaggedExample;
import rnn.data.TaggedSentence;
import rnn.data.WordDropout;
import rnn.data.WordVectors;
import rnn.eval.Bootstrap;
import rnn.eval.Evaluation;
import rnn.eval.SpanReport;
import rnn.nn.GraphStart;
import rnn.predict.PredictorOptions;
import rnn.task.PretrainedEncoder;
import rnn.task.Task;
import rnn.text.TagScheme;
import rnn.text.Vocabulary;
import rnn.train.BatchFeed;
import rnn.train.PreparedRun;
import rnn.train.RunVectors;
import rnn.train.TrainRequest;
import rnn.train.TrainingRun;
import rnn.train.TrainingSummary;
import rnn.train.WordVectorTraining;
import rnn.util.Progress;

/**
 * Sequence labelling ({@code tagger}): one tag per token, named entities (scored by entity-level
 * F1 as conlleval counts it) or parts of speech (token accuracy), from CoNLL or CoNLL-U files.
 */
public final class TaggerTask implements Task {
    public static final String NAME = "tagger";

    @Override
    public String name() {
        return NAME;
    }

    /** Entity F1 (with precision and recall) for tags that mark spans, and token accuracy always. */
    @Override
    public List<Metric> devMetrics(RunConfig config) {
        return ((TaggerConfig) config).data().tagScheme() == TagSchemeName.NONE ? List.of(Metric.ACCURACY)
                : List.of(Metric.F1, Metric.ACCURACY);
    }

    @Override
    public TaggerPredictor predictor(Bundle bundle, PredictorOptions options) {
        return new TaggerPredictor(bundle, options, TaggerPredictor.defaultOutputScheme(bundle));
    }

    @Override
    public TaggerConfig readConfig(ConfigSection root) {
        return TaggerConfig.read(root);
    }

    @Override
    public String defaultConfig() {
        return "configs/ud-ewt-pos.yaml";
    }

    @Override
    public TrainingSummary train(TrainRequest request) throws IOException {
        return train(request, config -> read(config, request));
    }

    /**
     * Trains a tagger on inputs that {@code read} makes from the run's config: the one training
     * path for {@code rnn train} (files on this machine) and a Spark job (a cluster).
     */
    public static TrainingSummary train(TrainRequest request, Function<TaggerConfig, TaggerInputs> read)
            throws IOException {
        return TrainingRun.execute(NAME, TaggerConfig.class, request, config -> prepare(config, read.apply(config),
                request));
    }

    /** The inputs from the files the config names, read on this machine; word2vec runs here if asked. */
    private static TaggerInputs read(TaggerConfig config, TrainRequest request) {
        int vectorsEpochs = config.data().vectors().epochsToTrain(false);
        TaggerData data = TaggerData.prepare(config, vectorsEpochs == 0 ? RunVectors.none()
                : (train, counted, trainWords) -> runVectors(config, vectorsEpochs, request, train, counted, trainWords));
        TaggerEncoder encoder = data.encoder();
        BucketedBatchIterator<TaggedExample> batches = new BucketedBatchIterator<>(data.train(),
                trainingEncoding(config.encoder().wordDropout(), encoder.maxChars(), config.training().seed()),
                config.training().batchSize(), true, config.training().seed());
        return new TaggerInputs(encoder, data.tags(), data.train().size(), data.dev(), new BatchFeed(batches),
                data.files(), data.vectors() == null ? null : data.vectors().byIndex(encoder.words()));
    }

    /**
     * Word2vec on the training sentences and {@code data.unlabelled}, extending the vocabulary as
     * {@code data.word_vectors} does ({@link WordVectorTraining#extendForRun}).
     */
    private static WordVectors.Extended runVectors(TaggerConfig config, int epochs, TrainRequest request,
                                                   List<TaggedSentence> train, Vocabulary counted,
                                                   Set<String> trainWords) {
        TaggerConfig.Data data = config.data();
        WordVectorTraining training = WordVectorTraining.forRun(config.encoder().embeddingSize(), epochs,
                data.lowercase(), config.training().seed());
        List<String> texts = train.stream().map(s -> String.join(" ", s.tokens())).toList();
        List<Path> more = data.vectors().unlabelled().stream().map(Path::of).toList();
        return training.extendForRun(texts, more, counted, trainWords, data.vocabSize(), request);
    }

    private static PreparedRun prepare(TaggerConfig config, TaggerInputs inputs, TrainRequest request) {
        TaggerEncoder encoder = inputs.encoder();
        String summary = String.format(Locale.ROOT, "data: %,d train, %,d dev sentences; %,d words in vocabulary%s;"
                        + " %d tags (%s)", inputs.trainSize(), inputs.dev().size(), encoder.words().size(),
                encoder.chars() == null ? "" : String.format(Locale.ROOT, ", %,d characters", encoder.chars().size()),
                inputs.tags().size(), config.data().tagScheme().name().toLowerCase(Locale.ROOT));
        float[][] vectorsById = inputs.vectorsById();
        if (vectorsById != null) {
            summary += "; " + WordVectors.started(vectorsById, "words");
        }
        // a resumed run takes its network from the checkpoint: the pretrained encoder only starts a fresh one
        PretrainedEncoder pretrained = request.resume() ? null
                : PretrainedEncoder.load(config.encoder(), request.schemas());
        return new PreparedRun(summary,
                () -> {
                    ComputationGraph network = TaggerNetwork.build(config,
                            encoder.words().size(), encoder.chars() == null ? 0 : encoder.chars().size(),
                            inputs.tags().entries(), TaggerData.scheme(config.data().tagScheme()));
                    if (vectorsById != null) {
                        GraphStart.setWordVectors(network, vectorsById);
                    }
                    return pretrained == null ? network : pretrained.start(network, encoder.words(), request.log());
                },
                inputs.feed(),
                net -> score(net, config.data(), encoder, inputs.tags(), inputs.dev(),
                        config.training().batchSize()).metrics(),
                inputs.files(), encoder.words(), inputs.tags(), encoder.chars());
    }

    /**
     * The dev split {@code rnn train} carves from the training sentences, here of anything that
     * stands for them in their order (a Spark job carves their positions).
     */
    public static <T> DevSplit.Parts<T> carveDev(TaggerConfig.Data config, List<T> sentences, String source,
                                                 long seed) {
        return TaggerData.carve(config, sentences, source, seed);
    }

    /** {@code tags} in the scheme the model learns (a config's {@code data.tag_scheme}). */
    public static List<String> modelTags(TaggerConfig.Data config, List<String> tags) {
        return TaggerData.toModelScheme(config, tags);
    }

    /** A training sentence encoded as {@code rnn train} encodes it, its tags in the scheme the model learns. */
    public static TaggedExample encode(TaggerConfig.Data config, TaggerEncoder encoder, Vocabulary tags,
                                       TaggedSentence sentence) {
        return TaggerData.encode(config, encoder, tags, sentence);
    }

    /**
     * The training batches' encoding: with {@code model.word_dropout}, each token's word id reads
     * as {@code <unk>} at that rate while its characters are kept, so that the {@code <unk>}
     * embedding that unseen words get is trained alongside the character features.
     */
    public static BucketedBatchIterator.Encoding<TaggedExample> trainingEncoding(double rate, int maxChars, long seed) {
        if (rate == 0) {
            return TaggedExample.encoding(maxChars);
        }
        WordDropout dropout = new WordDropout(rate, seed);
        return BucketedBatchIterator.Encoding.of(e -> e.tokens().length, batch -> TaggedExample.toDataSet(
                batch.stream().map(e -> new TaggedExample(dropout.apply(e.tokens()), e.chars(), e.tags())).toList(),
                maxChars));
    }

    @Override
    public Evaluation score(Bundle bundle, Path data, String split, Progress progress) {
        if (split != null) {
            throw noSplits(split);
        }
        TaggerConfig.Data config = ((TaggerConfig) bundle.config()).data();
        List<TaggedSentence> sentences = TaggerData.read(config, data);
        List<List<String>> tokens = sentences.stream().map(TaggedSentence::tokens).toList();
        List<List<String>> gold = sentences.stream().map(TaggedSentence::tags).toList();
        // tagging is fast (thousands of sentences a second): progress only says it runs
        progress.start("tagging", sentences.size(), "sentences");
        List<List<String>> predicted = inScheme(config, gold, new TaggerPredictor(bundle.network(),
                TaggerEncoder.of(bundle), bundle.labels(),
                new PredictorOptions(bundle.config().training().batchSize(), 1), null).predictBatch(tokens));
        progress.update(sentences.size(), "");
        progress.finish();
        boolean entities = TaggerData.scheme(config.tagScheme()) != null;
        return new Evaluation(writtenReport(config, gold, predicted),
                SpanReport.headline(gold, predicted, entities).of(Bootstrap.fingerprint(tokens)),
                new TaggedExamples(tokens, gold, predicted));
    }

    /**
     * Tags {@code sentences} and scores the tags against theirs, in the scheme the sentences are
     * written in: entity F1 and token accuracy, or token accuracy alone for tags without spans.
     */
    static SpanReport score(ComputationGraph network, TaggerConfig.Data config, TaggerEncoder encoder, Vocabulary tags,
                            List<TaggedSentence> sentences, int batchSize) {
        List<List<String>> gold = sentences.stream().map(TaggedSentence::tags).toList();
        return report(config, gold, new TaggerPredictor(network, encoder, tags, new PredictorOptions(batchSize, 1),
                null).predictBatch(sentences.stream().map(TaggedSentence::tokens).toList()));
    }

    /**
     * The report on tags a model predicted ({@code predicted}, in its own scheme) against {@code
     * gold}, sentence by sentence, as {@link #score} makes it: for callers that tag elsewhere (a
     * Spark job's executors).
     */
    public static SpanReport report(TaggerConfig.Data config, List<List<String>> gold, List<List<String>> predicted) {
        return writtenReport(config, gold, inScheme(config, gold, predicted));
    }

    /** Entity F1 and token accuracy, or token accuracy alone for tags without spans; {@code written} in gold's scheme. */
    private static SpanReport writtenReport(TaggerConfig.Data config, List<List<String>> gold,
                                            List<List<String>> written) {
        return TaggerData.scheme(config.tagScheme()) == null ? SpanReport.tokensOnly(gold, written)
                : SpanReport.of(gold, written);
    }

    /**
     * The gold sentences of {@code lines}, part of a data file in the format the model was
     * trained on (a block between blank lines), possibly none; {@code source} names them in errors.
     */
    public static List<TaggedSentence> readSentences(TaggerConfig.Data config, String source, List<String> lines) {
        return TaggerData.read(config, source, lines);
    }

    /** Predicted entity tags in the scheme the gold tags are written in; other tags as they are. */
    private static List<List<String>> inScheme(TaggerConfig.Data config, List<List<String>> gold,
                                               List<List<String>> predicted) {
        if (TaggerData.scheme(config.tagScheme()) == null) {
            return predicted;
        }
        TagScheme input = TagScheme.detect(gold);
        return predicted.stream().map(input::convert).toList();
    }
}
