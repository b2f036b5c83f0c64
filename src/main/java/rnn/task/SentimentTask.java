package rnn.task;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.deeplearning4j.nn.graph.ComputationGraph;

import rnn.bundle.Bundle;
import rnn.bundle.BundleWriter;
import rnn.config.RunConfig;
import rnn.data.BucketedBatchIterator;
import rnn.data.EncodedExample;
import rnn.data.LabeledText;
import rnn.data.LabeledTexts;
import rnn.data.TextEncoder;
import rnn.eval.ClassificationReport;
import rnn.nn.SentimentNetwork;
import rnn.nn.SequenceClassifier;
import rnn.text.Tokenizer;
import rnn.train.EpochResult;
import rnn.train.RunDirectory;
import rnn.train.RunState;
import rnn.train.Trainer;
import rnn.train.TrainingListener;

/**
 * Sentiment classification of reviews ({@code imdb}): labelled texts in, one label per text out.
 * Works for any {@code label<TAB>text} data with two or more labels.
 */
public final class SentimentTask implements Task {
    public static final String NAME = "imdb";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String defaultConfig() {
        return "configs/imdb-bilstm.yaml";
    }

    @Override
    public TrainingSummary train(TrainRequest request) throws IOException {
        RunDirectory run = new RunDirectory(request.modelDir().resolve("run"));
        RunConfig config = request.resume() ? ModelDirectory.configToResume(request.modelDir(), run)
                : request.config();
        ModelDirectory.checkWritable(request.modelDir(), run, request.resume(), request.force());
        PrintWriter log = request.log();
        log.print(RunHeader.describe(config, request.modelDir()));
        log.flush();

        // Everything that can fail on user input happens before the model folder is touched.
        SentimentData data = SentimentData.prepare(config.data(), config.training().seed());
        log.printf(Locale.ROOT, "data: %d train, %d dev examples; %d tokens in vocabulary; labels %s%n",
                data.train().size(), data.dev().size(), data.encoder().vocabulary().size(), data.labels().entries());
        ComputationGraph network;
        RunState start;
        if (request.resume()) {
            start = run.readState();
            network = run.restoreCheckpoint(start);
            log.printf(Locale.ROOT, "resuming after epoch %d%n", start.epochsDone());
        } else {
            network = SentimentNetwork.build(config.model(), config.training(), data.encoder().vocabulary().size(),
                    data.labels().size());
            start = RunState.fresh();
            ModelDirectory.startFresh(request.modelDir(), run, config);
        }
        log.printf(Locale.ROOT, "network: %,d parameters%n", network.numParams());
        log.flush();

        BucketedBatchIterator batches = new BucketedBatchIterator(data.train(), config.training().batchSize(),
                data.labels().size(), true, config.training().seed());
        List<TrainingListener> listeners = List.of(new ProgressListener(request.progress()),
                new EpochLogListener(log, config.training().metric()));
        Trainer trainer = new Trainer(config.training(), batches,
                net -> evaluate(net, data.dev(), data.labels().entries(), config.training().batchSize()).metrics(),
                run, listeners);
        Trainer.Outcome outcome = trainer.fit(network, start);

        RunState end = outcome.state();
        EpochResult best = end.history().get(end.stopping().bestEpoch() - 1);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("best_epoch", best.epoch());
        metrics.put("dev", best.dev());
        metrics.put("epochs", end.history());
        BundleWriter.write(request.modelDir(), ModelDirectory.manifest(NAME, config, data.files()), config,
                run.bestNetwork(end), data.encoder().vocabulary(), data.labels(), metrics);
        return new TrainingSummary(request.modelDir(), best.epoch(), best.dev(), end.epochsDone(),
                outcome.stoppedEarly());
    }

    @Override
    public ClassificationReport evaluate(Bundle bundle, Path data) {
        List<LabeledText> texts = LabeledTexts.read(data);
        TextEncoder encoder = encoder(bundle);
        List<EncodedExample> examples = SentimentData.encode(encoder, bundle.labels(), texts, data.toString());
        return evaluate(bundle.network(), examples, bundle.labels().entries(), bundle.config().training().batchSize());
    }

    /** The text encoder a bundle was trained with. */
    public static TextEncoder encoder(Bundle bundle) {
        var data = bundle.config().data();
        return new TextEncoder(new Tokenizer(data.lowercase()), bundle.tokens(), data.maxLength(), data.truncate());
    }

    private static ClassificationReport evaluate(ComputationGraph network, List<EncodedExample> examples,
                                                 List<String> labels, int batchSize) {
        List<int[]> sequences = new ArrayList<>(examples.size());
        int[] gold = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            sequences.add(examples.get(i).tokens());
            gold[i] = examples.get(i).label();
        }
        float[][] probabilities = new SequenceClassifier(network, batchSize).probabilities(sequences);
        return ClassificationReport.of(labels, gold, probabilities);
    }
}
