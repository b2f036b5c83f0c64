package rnn.util;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions of rnn and DL4J this build was made with (from Maven's filtered {@code version.properties}). */
public final class Versions {
    private static final Properties PROPERTIES = load();

    private Versions() {
    }

    public static String rnn() {
        return PROPERTIES.getProperty("rnn.version", "unknown");
    }

    public static String dl4j() {
        return PROPERTIES.getProperty("dl4j.version", "unknown");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/rnn/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Versions are informative only; an unreadable file leaves them "unknown".
        }
        return p;
    }
}
