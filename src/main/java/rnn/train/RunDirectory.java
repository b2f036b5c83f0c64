package rnn.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

import rnn.bundle.NetworkFile;
import rnn.util.AtomicFiles;
import rnn.util.Json;

/**
 * The {@code run/} folder of a model: per-epoch checkpoints (network with updater state), the
 * best network so far, {@code state.json} and {@code epochs.csv}.
 *
 * <p>Files are named by epoch and {@code state.json}, written last, says which ones are current,
 * so a run killed at any moment resumes from a consistent epoch; files it no longer names are
 * removed after it is written.
 */
public final class RunDirectory {
    private static final String STATE = "state.json";

    private final Path dir;

    public RunDirectory(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    /** True when an earlier run left a state to resume from. */
    public boolean hasState() {
        return Files.isRegularFile(dir.resolve(STATE));
    }

    public RunState readState() throws IOException {
        return Json.PRETTY.fromJson(Files.readString(dir.resolve(STATE), StandardCharsets.UTF_8), RunState.class);
    }

    /** The network and updater of the checkpoint that {@code state} names. */
    public ComputationGraph restoreCheckpoint(RunState state) throws IOException {
        return NetworkFile.read(dir.resolve(state.checkpoint()), true);
    }

    /** The best network's file as {@code state} names it. */
    public Path bestNetwork(RunState state) {
        return dir.resolve(state.best());
    }

    /** Saves the network with its updater after {@code epoch}; returns the file name. */
    public String saveCheckpoint(ComputationGraph network, int epoch) throws IOException {
        return save(network, "checkpoint-" + epoch + ".zip", true);
    }

    /** Saves the network (without updater) as the best so far; returns the file name. */
    public String saveBest(ComputationGraph network, int epoch) throws IOException {
        return save(network, "best-" + epoch + ".zip", false);
    }

    private String save(ComputationGraph network, String name, boolean withUpdater) throws IOException {
        AtomicFiles.write(dir.resolve(name), tmp -> ModelSerializer.writeModel(network, tmp.toFile(), withUpdater));
        return name;
    }

    /** Commits {@code state}, rewrites {@code epochs.csv} and removes network files it no longer names. */
    public void commit(RunState state) throws IOException {
        AtomicFiles.writeString(dir.resolve(STATE), Json.PRETTY.toJson(state));
        AtomicFiles.writeString(dir.resolve("epochs.csv"), epochsCsv(state));
        Set<String> keep = Set.of(String.valueOf(state.checkpoint()), String.valueOf(state.best()));
        try (DirectoryStream<Path> zips = Files.newDirectoryStream(dir, "*.zip")) {
            for (Path zip : zips) {
                if (!keep.contains(zip.getFileName().toString())) {
                    Files.delete(zip);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String epochsCsv(RunState state) {
        StringBuilder csv = new StringBuilder();
        if (state.history().isEmpty()) {
            return csv.toString();
        }
        csv.append("epoch,train_loss,learning_rate,seconds,tokens_per_second");
        state.history().get(0).dev().keySet().forEach(k -> csv.append(",dev_").append(k));
        csv.append('\n');
        for (EpochResult r : state.history()) {
            csv.append(r.epoch()).append(',').append(fmt(r.trainLoss())).append(',').append(fmt(r.learningRate()))
                    .append(',').append(fmt(r.seconds())).append(',').append(fmt(r.tokensPerSecond()));
            r.dev().values().forEach(v -> csv.append(',').append(fmt(v)));
            csv.append('\n');
        }
        return csv.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
