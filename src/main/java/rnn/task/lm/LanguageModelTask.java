package rnn.task.lm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import rnn.bundle.Bundle;
import rnn.config.ConfigSection;
import rnn.config.Metric;
import rnn.config.RunConfig;
import rnn.text.TokenLevel;
import rnn.data.DataException;
import rnn.data.TextFiles;
import rnn.data.TokenStream;
import rnn.data.WordDropout;
import rnn.data.WordVectors;
import rnn.eval.Bootstrap;
import rnn.eval.Evaluation;
import rnn.eval.LanguageModelReport;
import rnn.predict.PredictorOptions;
import rnn.text.StreamTokens;
import rnn.text.Vocabulary;
import rnn.train.StreamFeed;
import rnn.util.Progress;
import rnn.train.PreparedRun;
import rnn.nn.GraphStart;
import rnn.task.PretrainedEncoder;
import rnn.task.Task;
import rnn.train.TrainRequest;
import rnn.train.TrainingRun;
import rnn.train.TrainingSummary;

/**
 * Language modelling ({@code lm}): predicts each next word or character of running text. Trained
 * with truncated BPTT over parallel rows of the training stream; scored by perplexity (and bits
 * per character for character models) over the whole dev stream.
 */
public final class LanguageModelTask implements Task {
    public static final String NAME = "lm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Metric> devMetrics(RunConfig config) {
        return List.of(Metric.PERPLEXITY, Metric.LOSS);
    }

    @Override
    public TextGenerator predictor(Bundle bundle, PredictorOptions options) {
        return new TextGenerator(bundle);
    }

    @Override
    public String defaultConfig() {
        return "configs/shakespeare-char.yaml";
    }

    @Override
    public LanguageModelConfig readConfig(ConfigSection root) {
        return LanguageModelConfig.read(root);
    }

    @Override
    public TrainingSummary train(TrainRequest request) throws IOException {
        return train(request, config -> read(config, request.resume()));
    }

    /**
     * Trains with the inputs {@code read} makes from the resolved config (the text on this machine,
     * or on a cluster); the rest (data line, network, dev perplexity, bundle) is the same for both.
     */
    public static TrainingSummary train(TrainRequest request, Function<LanguageModelConfig, LanguageModelInputs> read)
            throws IOException {
        return TrainingRun.execute(NAME, LanguageModelConfig.class, request, config -> {
            LanguageModelInputs inputs = read.apply(config);
            boolean characters = config.data().level() == TokenLevel.CHAR;
            Vocabulary vocabulary = inputs.vocabulary();
            float[][] vectors = inputs.vectorsById();
            String summary = String.format(Locale.ROOT,
                    "data: %,d train, %,d dev %s (%.2f%% and %.2f%% <unk>); vocabulary %,d; %s%s",
                    inputs.trainTokens(), inputs.dev().size(), characters ? "characters" : "tokens",
                    100.0 * inputs.trainUnknown() / Math.max(1, inputs.trainTokens()),
                    100 * LanguageModelData.unknownShare(inputs.dev()), vocabulary.size(),
                    vectors == null ? "" : WordVectors.started(vectors, "tokens") + "; ",
                    inputs.layout());
            // a resumed run takes its network from the checkpoint: the pretrained encoder only starts a fresh one
            PretrainedEncoder pretrained = request.resume() ? null
                    : PretrainedEncoder.load(config.encoder(), request.schemas());
            return new PreparedRun(summary,
                    () -> LanguageModelNetwork.build(config, vocabulary.size(), network -> {
                        if (vectors != null) {
                            GraphStart.setWordVectors(network, vectors);
                        }
                        return pretrained == null ? network : pretrained.start(network, vocabulary, request.log());
                    }),
                    inputs.feed(),
                    net -> StreamScorer.score(net, inputs.dev().ids(), characters, lineEnd(vocabulary, characters),
                            Progress.NONE).metrics(),
                    inputs.files(), vocabulary, null, null);
        });
    }

    /** The inputs from the text the config names, read on this machine and laid out in parallel rows. */
    private static LanguageModelInputs read(LanguageModelConfig config, boolean resumed) {
        LanguageModelData data = LanguageModelData.prepare(config.data(), config.encoder().embeddingSize(), resumed);
        int rows = config.training().batchSize();
        int rowLength = data.train().rowLength(rows);
        String layout = String.format(Locale.ROOT, "%d rows of %,d steps, %d segments of %d per epoch", rows,
                rowLength, (rowLength + config.bpttLength() - 1) / config.bpttLength(), config.bpttLength());
        return new LanguageModelInputs(data.vocabulary(), data.train().size(),
                LanguageModelData.unknownCount(data.train()), data.dev(), layout,
                new StreamFeed(data.train(), rows, config.bpttLength(),
                        new WordDropout(config.encoder().wordDropout(), config.training().seed()),
                        LanguageModelNetwork.trainingListeners(config)),
                data.files(), data.vectorsById());
    }

    @Override
    public Evaluation score(Bundle bundle, Path data, String split, Progress progress) {
        if (split != null) {
            throw noSplits(split);
        }
        StreamTokens tokenizer = LanguageModelData.tokenizer(((LanguageModelConfig) bundle.config()).data());
        List<String> tokens = tokenizer.split(TextFiles.readString(data));
        TokenStream stream = LanguageModelData.encode(bundle.tokens(), tokens, data.toString());
        if (stream.size() < 2) {
            throw new DataException(data + ": needs at least 2 tokens to score, found " + stream.size());
        }
        boolean characters = tokenizer.level() == TokenLevel.CHAR;
        StreamScorer.Scored scored = StreamScorer.scoreLines(bundle.network(), stream.ids(), characters,
                lineEnd(bundle.tokens(), characters), progress);
        // the same text split the same way (characters or words, case folded or not) is the same examples
        return new Evaluation(scored.report(),
                LanguageModelReport.perplexitySample(scored.lines()).of(Bootstrap.fingerprint(tokens)),
                new ScoredLines(scored.lines()));
    }

    /** The token that ends a line (the line break, or {@code <eos>} for words), or -1 when the vocabulary lacks it. */
    private static int lineEnd(Vocabulary vocabulary, boolean characters) {
        String end = characters ? "\n" : StreamTokens.EOS;
        return vocabulary.entries().contains(end) ? vocabulary.indexOf(end) : -1;
    }
}
