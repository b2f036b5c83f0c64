package rnn.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.factory.Nd4j;

import rnn.bundle.BundleWriter;
import rnn.config.RecurrentImplementation;
import rnn.config.RunConfig;
import rnn.nn.memory.Backend;
import rnn.util.UserException;

/**
 * A training run from request to bundle, the same for every task: the header, the checks on the
 * model folder, the data (through the task's {@code prepare}), a fresh or resumed network, the
 * {@link Trainer}, and the bundle with the best epoch's network and metrics.
 */
public final class TrainingRun {
    private TrainingRun() {
    }

    /**
     * Runs the training {@code request} asks for; {@code type} is the task's config record, which
     * {@code prepare} turns into the data and network.
     */
    public static <C extends RunConfig> TrainingSummary execute(String task, Class<C> type, TrainRequest request,
                                                                Function<C, PreparedRun> prepare) throws IOException {
        Backend.requireForTraining("training");
        Path modelDir = request.modelDir();
        ModelLock.checkFree(modelDir);
        if (ModelDirectory.swapCutShort(modelDir)) {
            try (ModelLock lock = ModelLock.acquire(modelDir)) {
                ModelDirectory.recoverSwap(modelDir);
            }
        }
        Path work = ModelDirectory.workFolder(modelDir, request.resume(), request.force());
        RunDirectory run = new RunDirectory(work.resolve("run"));
        if (request.resume() && ModelDirectory.finished(work, run)) {
            if (!work.equals(modelDir)) {   // a forced run killed after its bundle was complete
                try (ModelLock lock = ModelLock.acquire(modelDir)) {
                    ModelDirectory.swapIn(work, modelDir);
                }
            }
            return ModelDirectory.finishedSummary(modelDir, new RunDirectory(modelDir.resolve("run")), request.log());
        }
        RunConfig stored = request.resume() ? ModelDirectory.configToResume(modelDir, run, request.schemas(),
                request.config(), request.overrides()) : request.config();
        if (!type.isInstance(stored)) {
            throw new UserException(request.modelDir() + ": the run there is of task '" + stored.task() + "', not '"
                    + task + "'");
        }
        C config = type.cast(stored);
        ModelDirectory.checkWritable(request.modelDir(), run, request.resume(), request.force());
        PrintWriter log = request.log();
        if (config.encoder().implementation() == RecurrentImplementation.DL4J) {
            // DL4J's LSTM runs slower with two BLAS threads than with one (its per-step products are
            // too small to share), whatever the launcher chose for rnn's own layers.
            Nd4j.factory().blas().setMaxThreads(1);
        }
        log.print(RunHeader.describe(config, request.modelDir()));
        log.flush();

        // Everything that can fail on user input happens before the model folder is touched.
        PreparedRun prepared = prepare.apply(config);
        log.println(prepared.dataSummary());
        if (request.resume()) {
            ModelDirectory.checkData(modelDir, run, prepared.files());
        }
        try (ModelLock lock = ModelLock.acquire(modelDir)) {
            ModelDirectory.recoverSwap(modelDir);
            // Again under the lock: another run may have finished into the folder while this one read its data.
            ModelDirectory.checkWritable(modelDir, run, request.resume(), request.force());
            if (!request.resume() && work.equals(modelDir)) {
                ModelDirectory.discardStaging(modelDir);   // a killed --force run's folder must not be resumed later
            }
            TrainingSummary summary = train(task, request, config, prepared, work, run, log);
            if (!work.equals(modelDir)) {
                ModelDirectory.swapIn(work, modelDir);
            }
            return summary;
        }
    }

    private static TrainingSummary train(String task, TrainRequest request, RunConfig config, PreparedRun prepared,
                                         Path work, RunDirectory run, PrintWriter log) throws IOException {
        ComputationGraph network;
        RunState start;
        if (request.resume()) {
            start = run.readState();
            network = run.restoreCheckpoint(start);
            log.printf(Locale.ROOT, "resuming after epoch %d%n", start.epochsDone());
        } else {
            network = prepared.network().build();
            start = RunState.fresh();
            ModelDirectory.startFresh(work, run, config);
            ModelDirectory.recordData(run, prepared.files());
        }
        ModelDirectory.checkVocabulary(request.modelDir(), run, prepared.tokens(), request.resume());
        log.printf(Locale.ROOT, "network: %,d parameters%n", network.numParams());
        log.flush();

        List<TrainingListener> listeners = List.of(new ProgressListener(request.progress()),
                new EpochLogListener(log, config.training().metric()));
        Trainer trainer = new Trainer(config.training(), prepared.feed(), prepared.dev(), run, listeners);
        Trainer.Outcome outcome = trainer.fit(network, start);

        RunState end = outcome.state();
        EpochResult best = end.history().get(end.stopping().bestEpoch() - 1);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("best_epoch", best.epoch());
        metrics.put("dev", best.dev());
        metrics.put("epochs", end.history());
        BundleWriter.write(work, ModelDirectory.manifest(task, config, prepared.files(), run), config,
                run.bestNetwork(end), prepared.tokens(), prepared.labels(), prepared.chars(), metrics);
        return new TrainingSummary(request.modelDir(), best.epoch(), best.dev(), end.epochsDone(),
                outcome.stoppedEarly());
    }
}
