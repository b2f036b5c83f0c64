package rnn.bench;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import rnn.config.ConfigException;
import rnn.task.classify.ClassifierNetwork;
import rnn.task.classify.ClassifyConfig;
import rnn.task.classify.ClassifyTask;
import rnn.task.registry.Tasks;

/** Builds one case's network as {@code rnn train} does and times its training step and inference pass. */
final class CaseRunner {
    private static final long SEED = 42;

    private final BenchShape shape;
    private final List<String> userOverrides;
    private final int warmup;
    private final int iterations;

    /** {@code userOverrides} ({@code --set}) are applied after the case's own keys, so they win. */
    CaseRunner(BenchShape shape, List<String> userOverrides, int warmup, int iterations) {
        this.shape = shape;
        this.userOverrides = List.copyOf(userOverrides);
        this.warmup = warmup;
        this.iterations = iterations;
    }

    /** The resolved config of {@code benchCase}; a bad key or value throws {@link ConfigException}. */
    ClassifyConfig config(BenchCase benchCase) {
        List<String> overrides = new ArrayList<>(benchCase.overrides());
        overrides.addAll(shape.overrides());
        overrides.addAll(userOverrides);
        return (ClassifyConfig) Tasks.parseConfig("task: " + ClassifyTask.NAME, "bench", overrides);
    }

    CaseResult run(BenchCase benchCase) {
        ComputationGraph network;
        try {
            ClassifyConfig config = config(benchCase);
            network = ClassifierNetwork.build(config.encoder(), config.pooling(), config.training(), shape.vocab(),
                    SyntheticBatch.CLASSES);
        } catch (ConfigException e) {
            // A cell or setting this version cannot build yet (GRU today): report it and go on.
            return CaseResult.notAvailable(benchCase.name(), e.getMessage());
        }
        DataSet batch = SyntheticBatch.create(shape, SEED);
        Timing train = time(() -> network.fit(batch));
        INDArray[] features = {batch.getFeatures()};
        INDArray[] masks = {batch.getFeaturesMaskArray()};
        // As SequenceClassifier runs a trained model: no dropout, masks given.
        Timing infer = time(() -> network.output(false, features, masks));
        return new CaseResult(benchCase.name(), null, train, infer, shape.tokens());
    }

    private Timing time(Runnable step) {
        for (int i = 0; i < warmup; i++) {
            step.run();   // JIT, workspaces and the natives' first-call set-up stay out of the timing
        }
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            step.run();
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        return Timing.of(seconds);
    }
}
