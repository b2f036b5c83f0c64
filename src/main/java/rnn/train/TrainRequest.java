package rnn.train;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import rnn.config.ConfigSchemas;
import rnn.config.RunConfig;
import rnn.util.Progress;
import rnn.util.UserException;

/**
 * One {@code rnn train} invocation.
 *
 * @param config   the resolved config; on resume, the one {@code --config} names (compared with the
 *                 run's stored config), or null to take the stored one
 * @param modelDir the bundle folder, {@code models/NAME}
 * @param resume   continue the unfinished run in {@code modelDir}
 * @param force    replace whatever {@code modelDir} holds
 * @param progress draws batch progress (or nothing)
 * @param log      receives the run header, the resolved config and one line per epoch
 * @param schemas  reads the config a resumed run stored
 * @param overrides on resume without {@code --config}: the {@code --data} and {@code --set} overrides,
 *                 applied to the stored config and compared with it
 */
public record TrainRequest(RunConfig config, Path modelDir, boolean resume, boolean force, Progress progress,
                           PrintWriter log, ConfigSchemas schemas, List<String> overrides) {
    public TrainRequest {
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    /** {@code --data PATH} (as {@code data.train=PATH}, when given) and then the {@code --set} overrides, in order. */
    public static List<String> overrides(String data, List<String> sets) {
        List<String> all = new java.util.ArrayList<>();
        if (data != null) {
            all.add("data.train=" + data);
        }
        all.addAll(sets);
        return all;
    }

    /** Refuses {@code --resume} with {@code --force}. */
    public static void checkOptions(boolean resume, boolean force) {
        if (resume && force) {
            throw new UserException("--resume and --force: choose one (continue the run, or start it afresh)");
        }
    }

    /**
     * The bundle folder of a run: {@code models/NAME}, where {@code NAME} is one folder name, or
     * when null the task word the user typed ({@code rnn train imdb} writes {@code models/imdb}).
     */
    public static Path modelDir(Path models, String name, String taskWord) {
        if (name != null && (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\"))) {
            throw new UserException("--name: one folder name under --models, not starting with '.', got '" + name
                    + "'");
        }
        return models.resolve(name != null ? name : taskWord);
    }
}
