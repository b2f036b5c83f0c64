package rnn.config;

/** How one task's config is read: the sections after the {@code task} key. */
@FunctionalInterface
public interface ConfigSchema {
    /**
     * Reads the {@code data}, {@code model} and {@code training} sections of {@code root} (each
     * section finished, so unknown keys are errors) into the task's config record.
     */
    RunConfig read(ConfigSection root);
}
