package rnn.train;

import java.io.PrintWriter;
import java.nio.file.Path;

import rnn.config.ConfigSchemas;
import rnn.config.RunConfig;
import rnn.util.Progress;

/**
 * One {@code rnn train} invocation.
 *
 * @param config   the resolved config (ignored on resume: the run's stored config is used)
 * @param modelDir the bundle folder, {@code models/NAME}
 * @param resume   continue the unfinished run in {@code modelDir}
 * @param force    replace whatever {@code modelDir} holds
 * @param progress draws batch progress (or nothing)
 * @param log      receives the run header, the resolved config and one line per epoch
 * @param schemas  reads the config a resumed run stored
 */
public record TrainRequest(RunConfig config, Path modelDir, boolean resume, boolean force, Progress progress,
                           PrintWriter log, ConfigSchemas schemas) {
}
