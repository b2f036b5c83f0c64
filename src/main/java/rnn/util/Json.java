package rnn.util;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The project's one JSON configuration: pretty for files, compact for JSON Lines output. */
public final class Json {
    /** For files people read: manifests, metrics, state. */
    public static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();
    /** One object per line, for {@code --json} output. */
    public static final Gson LINE = new GsonBuilder().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();

    private Json() {
    }
}
