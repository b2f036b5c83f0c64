package rnn.task.lm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import rnn.bundle.Bundle;
import rnn.config.ConfigSection;
import rnn.config.Metric;
import rnn.config.RunConfig;
import rnn.text.TokenLevel;
import rnn.data.DataException;
import rnn.data.TextFiles;
import rnn.data.TokenStream;
import rnn.data.WordDropout;
import rnn.eval.Bootstrap;
import rnn.eval.Evaluation;
import rnn.eval.LanguageModelReport;
import rnn.predict.PredictorOptions;
import rnn.text.StreamTokens;
import rnn.text.Vocabulary;
import rnn.train.StreamFeed;
import rnn.util.Progress;
import rnn.train.PreparedRun;
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
        return TrainingRun.execute(NAME, LanguageModelConfig.class, request, config -> {
            LanguageModelData data = LanguageModelData.prepare(config.data());
            int rows = config.training().batchSize();
            boolean characters = config.data().level() == TokenLevel.CHAR;
            String summary = String.format(Locale.ROOT,
                    "data: %,d train, %,d dev %s (%.2f%% and %.2f%% <unk>); vocabulary %,d; %d rows of %,d steps,"
                            + " %d segments of %d per epoch",
                    data.train().size(), data.dev().size(), characters ? "characters" : "tokens",
                    100 * LanguageModelData.unknownShare(data.train()), 100 * LanguageModelData.unknownShare(data.dev()),
                    data.vocabulary().size(), rows, data.train().rowLength(rows),
                    (data.train().rowLength(rows) + config.bpttLength() - 1) / config.bpttLength(),
                    config.bpttLength());
            // a resumed run takes its network from the checkpoint: the pretrained encoder only starts a fresh one
            PretrainedEncoder pretrained = request.resume() ? null
                    : PretrainedEncoder.load(config.encoder(), request.schemas());
            return new PreparedRun(summary,
                    () -> LanguageModelNetwork.build(config, data.vocabulary().size(),
                            pretrained == null ? null
                                    : network -> pretrained.start(network, data.vocabulary(), request.log())),
                    new StreamFeed(data.train(), rows, config.bpttLength(),
                            new WordDropout(config.encoder().wordDropout(), config.training().seed()),
                            LanguageModelNetwork.trainingListeners(config)),
                    net -> StreamScorer.score(net, data.dev().ids(), characters, lineEnd(data.vocabulary(), characters),
                            Progress.NONE).metrics(),
                    data.files(), data.vocabulary(), null, null);
        });
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
