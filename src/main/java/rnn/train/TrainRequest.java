package rnn.train;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import rnn.config.ConfigSchemas;
import rnn.config.RunConfig;
import rnn.util.Progress;

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
}
