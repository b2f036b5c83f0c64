package rnn.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import rnn.bundle.Bundle;
import rnn.task.Task;
import rnn.task.registry.Tasks;

/** The MODEL argument of commands that use a trained model, and where named models are looked up. */
final class ModelOptions {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A bundle folder, or a name under --models.")
    String model;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
            description = "Folder that holds model bundles (default: ${DEFAULT-VALUE}).")
    Path models;

    /** The bundle, whatever its task. */
    Bundle load() {
        return Tasks.load(model, models);
    }

    /** The bundle, which must be of {@code task}; {@code command} names the caller in the error. */
    Bundle load(Task task, String command) {
        return Tasks.load(model, models, task, command);
    }
}
