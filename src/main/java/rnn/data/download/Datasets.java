package rnn.data.download;

import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import rnn.util.UserException;

/** The registry of datasets the CLI knows how to download, by name. */
public final class Datasets {
    private static final Map<String, DatasetFile> ALL = register(
            new DatasetFile("imdb",
                    URI.create("https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz"),
                    "7c2ac02c03563afcf9b574c7e56c153a",
                    "aclImdb_v1.tar.gz"));

    private Datasets() {
    }

    /** All known datasets, sorted by name. */
    public static Map<String, DatasetFile> all() {
        return ALL;
    }

    /** The dataset called {@code name}; an unknown name is a user error that lists the known ones. */
    public static DatasetFile get(String name) {
        DatasetFile file = ALL.get(name);
        if (file == null) {
            throw new UserException("unknown dataset '" + name + "' (known: " + String.join(", ", ALL.keySet()) + ")");
        }
        return file;
    }

    private static Map<String, DatasetFile> register(DatasetFile... files) {
        Map<String, DatasetFile> byName = new TreeMap<>();
        for (DatasetFile file : files) {
            byName.put(file.name(), file);
        }
        return Collections.unmodifiableMap(byName);
    }
}
