package rnn.task;

import java.util.LinkedHashMap;
import java.util.Map;

import rnn.util.UserException;

/** Every task rnn knows, by name: the one place a new task is registered. */
public final class Tasks {
    private static final Map<String, Task> ALL = new LinkedHashMap<>();

    static {
        register(new SentimentTask());
        register(new LanguageModelTask());
        register(new TaggerTask());
    }

    private Tasks() {
    }

    private static void register(Task task) {
        ALL.put(task.name(), task);
    }

    /** The task called {@code name}; an error listing the known tasks otherwise. */
    public static Task get(String name) {
        Task task = ALL.get(name);
        if (task == null) {
            throw new UserException("unknown task '" + name + "' (expected " + String.join(", ", ALL.keySet()) + ")");
        }
        return task;
    }

    /** Task names, for help and completion. */
    public static Iterable<String> names() {
        return ALL.keySet();
    }
}
