package rnn.bundle;

import java.util.Map;

/**
 * {@code manifest.json}: what a bundle is and how it was made. Written last, so a folder without
 * one is not a bundle.
 *
 * @param format      bundle format version; readers refuse other versions
 * @param task        the task that trained it ({@code classify}; bundles of earlier builds say {@code imdb}); commands check it
 * @param rnnVersion  rnn's version
 * @param dl4jVersion DeepLearning4J's version
 * @param java        the Java runtime's version
 * @param platform    operating system and architecture, e.g. {@code Linux amd64}
 * @param seed        the training seed
 * @param threads     the thread settings of the training run
 * @param created     ISO-8601 time the bundle was written
 * @param data        SHA-256 of each data file the run read, by path
 * @param commit      the git commit of the working directory, or null
 */
public record BundleManifest(int format, String task, String rnnVersion, String dl4jVersion, String java,
                             String platform, long seed, String threads, String created, Map<String, String> data,
                             String commit) {
    /**
     * The format this version writes. 2: vocabulary entries are escaped ({@code \\n} for a line break),
     * so that a character model's line-break token fits the one-entry-per-line file.
     */
    public static final int FORMAT = 2;
    /** The oldest format this version reads. 1: vocabulary entries written as they are. */
    public static final int OLDEST_FORMAT = 1;
}
