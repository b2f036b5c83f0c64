package rnn.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.reflect.TypeToken;

import rnn.bundle.BundleManifest;
import rnn.config.ConfigDiff;
import rnn.config.ConfigLoader;
import rnn.config.ConfigSchemas;
import rnn.config.RunConfig;
import rnn.text.Vocabulary;
import rnn.util.AtomicFiles;
import rnn.util.FaultPoint;
import rnn.util.FileDigest;
import rnn.util.Json;
import rnn.util.UserException;
import rnn.util.Versions;

/**
 * The rules for a model folder {@code models/NAME/} during training: what may be overwritten or
 * resumed, the run's stored config, and the manifest that completes the bundle.
 */
final class ModelDirectory {
    private static final String RUN_CONFIG = "config.yaml";
    private static final String RUN_VOCABULARY = "tokens.txt";
    private static final String RUN_DATA = "data.json";

    private ModelDirectory() {
    }

    /** Refuses to overwrite a finished model or an unfinished run unless asked to. */
    static void checkWritable(Path modelDir, RunDirectory run, boolean resume, boolean force) {
        if (resume || force) {
            return;
        }
        if (Files.exists(modelDir.resolve("manifest.json"))) {
            throw new UserException(modelDir + " already holds a trained model; choose another --name or pass --force"
                    + " to replace it");
        }
        if (run.hasState()) {
            throw new UserException(modelDir + " holds an unfinished run; pass --resume to continue it or --force to"
                    + " start over");
        }
    }

    /**
     * The config an unfinished run was started with. A resume continues the same run or refuses:
     * {@code requested} (what {@code --config} gave, or null) or the stored config with
     * {@code overrides} applied must equal it, else the error lists what differs.
     */
    static RunConfig configToResume(Path modelDir, RunDirectory run, ConfigSchemas schemas, RunConfig requested,
                                    List<String> overrides) throws IOException {
        if (!run.hasState()) {
            throw new UserException(modelDir + ": nothing to resume (no " + run.path().resolve("state.json") + ")");
        }
        Path file = run.path().resolve(RUN_CONFIG);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        RunConfig stored = ConfigLoader.parse(text, file.toString(), List.of(), schemas);
        RunConfig asked = requested != null ? requested
                : ConfigLoader.parse(text, file.toString(), overrides, schemas);
        if (!asked.equals(stored)) {
            throw new UserException(modelDir + ": --resume continues the run as it started, but the config asked for"
                    + " differs (" + ConfigDiff.between(stored, asked) + "); drop those options, or start afresh with"
                    + " --force");
        }
        return stored;
    }

    /** Whether the run in {@code work} finished: its bundle was written after the last epoch. */
    static boolean finished(Path work, RunDirectory run) {
        return run.hasState() && Files.isRegularFile(work.resolve("manifest.json"));
    }

    /** Says that a finished run has nothing to resume, and changes nothing. */
    static TrainingSummary finishedSummary(Path modelDir, RunDirectory run, PrintWriter log) throws IOException {
        RunState state = run.readState();
        EpochResult best = state.history().get(state.stopping().bestEpoch() - 1);
        log.printf(Locale.ROOT, "%s: the run finished (%d epochs, best epoch %d); nothing to resume%n", modelDir,
                state.epochsDone(), best.epoch());
        log.flush();
        return new TrainingSummary(modelDir, best.epoch(), best.dev(), state.epochsDone(), false);
    }

    /** Records the size and SHA-256 of each data file a run reads, so that a resume can check them. */
    static void recordData(RunDirectory run, List<Path> files) throws IOException {
        Map<String, FileDigest> digests = new LinkedHashMap<>();
        for (Path f : files) {
            if (Files.isRegularFile(f)) {
                digests.put(f.toString(), FileDigest.of(f));
            }
        }
        AtomicFiles.writeString(run.path().resolve(RUN_DATA), Json.PRETTY.toJson(digests));
    }

    /** Refuses to resume on data files that changed since the run started (runs that recorded them). */
    static void checkData(Path modelDir, RunDirectory run, List<Path> files) throws IOException {
        Map<String, FileDigest> recorded = recordedData(run);
        List<String> changed = new ArrayList<>();
        for (Path f : files) {
            FileDigest then = recorded.get(f.toString());
            if (then != null && Files.isRegularFile(f) && !FileDigest.of(f).sha256().equals(then.sha256())) {
                changed.add(f.toString());
            }
        }
        if (!changed.isEmpty()) {
            throw new UserException(modelDir + ": --resume needs the data the run started on, but "
                    + String.join(", ", changed) + (changed.size() == 1 ? " has" : " have")
                    + " changed since (SHA-256 differs); start afresh with --force");
        }
    }

    /** The data digests {@link #recordData} wrote, by path; empty for a run that recorded none. */
    private static Map<String, FileDigest> recordedData(RunDirectory run) throws IOException {
        Path file = run.path().resolve(RUN_DATA);
        if (!Files.exists(file)) {
            return Map.of();
        }
        Map<String, FileDigest> digests = Json.PRETTY.fromJson(Files.readString(file, StandardCharsets.UTF_8),
                new TypeToken<Map<String, FileDigest>>() { }.getType());
        return digests == null ? Map.of() : digests;
    }

    /**
     * Records the token vocabulary a run starts with in {@code run/}, and on resume refuses to go
     * on if the data now give another one (train data or word vectors changed since): the
     * checkpoint's embedding rows would belong to other words.
     */
    static void checkVocabulary(Path modelDir, RunDirectory run, Vocabulary tokens, boolean resume) throws IOException {
        Path file = run.path().resolve(RUN_VOCABULARY);
        if (!resume) {
            AtomicFiles.write(file, tokens::save);
        } else if (Files.exists(file) && !Vocabulary.load(file).entries().equals(tokens.entries())) {
            throw new UserException(modelDir + ": the data give another vocabulary than when this run started"
                    + " (train data, data.word_vectors or data.unlabelled changed, or the run began on an older rnn"
                    + " that built it otherwise); start afresh with --force");
        }
    }

    /**
     * The folder a run works in: the model folder itself, except when {@code --force} replaces a
     * finished model: then the new run works in {@code .NAME.new} beside it and is swapped in only
     * when its bundle is complete ({@link #swapIn}), so the old model stays whole until then. A
     * resumed run continues where it was working.
     */
    static Path workFolder(Path modelDir, boolean resume, boolean force) {
        Path staging = sibling(modelDir, ".new");
        if (resume) {
            if (Files.isRegularFile(staging.resolve("run/state.json"))) {
                return staging;
            }
            if (Files.isDirectory(staging)) {
                throw new UserException(modelDir + ": the --force run beside it stopped before its first epoch ended,"
                        + " so there is nothing to resume; run it again with --force (the model there is untouched)");
            }
            return modelDir;
        }
        return force && Files.isRegularFile(modelDir.resolve("manifest.json")) ? staging : modelDir;
    }

    /**
     * Puts the complete bundle in {@code work} in place of {@code modelDir}: the old folder is moved
     * aside to {@code .NAME.old}, the new one moved in, and the old one deleted. Each step is a
     * rename; {@link #recoverSwap} finishes or undoes a swap a killed run left half done.
     */
    static void swapIn(Path work, Path modelDir) throws IOException {
        Path old = sibling(modelDir, ".old");
        deleteTree(old);
        if (Files.exists(modelDir)) {
            Files.move(modelDir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        FaultPoint.reached(FaultPoint.SWAP);
        Files.move(work, modelDir, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    /**
     * After a kill between the renames of {@link #swapIn}: with the model folder gone, the new
     * bundle is moved in when it is complete, else the old one back; the old copy is then removed.
     */
    static void recoverSwap(Path modelDir) throws IOException {
        Path old = sibling(modelDir, ".old");
        if (!Files.exists(old)) {
            return;
        }
        if (!Files.exists(modelDir)) {
            Path staging = sibling(modelDir, ".new");
            Files.move(Files.isRegularFile(staging.resolve("manifest.json")) ? staging : old, modelDir,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        deleteTree(old);
    }

    /** Removes what a killed {@code --force} run left beside {@code modelDir}, when a fresh run starts in it. */
    static void discardStaging(Path modelDir) throws IOException {
        deleteTree(sibling(modelDir, ".new"));
    }

    /** Whether a swap was cut short: the old model's copy is still beside the folder. */
    static boolean swapCutShort(Path modelDir) {
        return Files.exists(sibling(modelDir, ".old"));
    }

    /** {@code .NAME} + {@code suffix} beside {@code modelDir}. */
    static Path sibling(Path modelDir, String suffix) {
        Path absolute = modelDir.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + suffix);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Empties {@code work} (the folder a run works in) and records the run's config in {@code run/}. */
    static void startFresh(Path work, RunDirectory run, RunConfig config) throws IOException {
        deleteTree(work);
        Files.createDirectories(run.path());
        AtomicFiles.writeString(run.path().resolve(RUN_CONFIG), ConfigLoader.toYaml(config));
    }

    /** The manifest of a bundle trained with {@code config} on {@code files}. */
    static BundleManifest manifest(String task, RunConfig config, List<Path> files, RunDirectory run)
            throws IOException {
        // The digests recorded when the run started (checked again on resume): a large data file is
        // not read a second time.
        Map<String, FileDigest> recorded = recordedData(run);
        Map<String, String> checksums = new LinkedHashMap<>();
        for (Path f : files) {
            FileDigest digest = recorded.get(f.toString());
            checksums.put(f.toString(), digest != null ? digest.sha256()
                    : Files.isRegularFile(f) ? FileDigest.of(f).sha256() : "directory");
        }
        return new BundleManifest(BundleManifest.FORMAT, task, Versions.rnn(), Versions.dl4j(),
                System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                config.training().seed(), RunHeader.threads(), Instant.now().toString(), checksums, gitCommit(), null, null);
    }

    /** The commit of the working directory's git checkout, or null outside one. */
    private static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
