package rnn.bundle;

import java.util.Map;

import rnn.util.FileDigest;

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
 * @param files       (format 3) each other file of the bundle, by path inside it, with its size and
 *                    SHA-256; loading checks them. Null in older formats
 * @param entries     (format 3) the number of entries of each vocabulary file, by path; null before
 */
public record BundleManifest(int format, String task, String rnnVersion, String dl4jVersion, String java,
                             String platform, long seed, String threads, String created, Map<String, String> data,
                             String commit, Map<String, FileDigest> files, Map<String, Integer> entries) {
    /**
     * The format this version writes. 3: the manifest records every file's size and SHA-256 and each
     * vocabulary's entry count, and loading checks them. 2: vocabulary entries are escaped
     * ({@code \\n} for a line break), so that a character model's line-break token fits the
     * one-entry-per-line file.
     */
    public static final int FORMAT = 3;
    /** This manifest with the files and vocabulary sizes of the bundle it completes. */
    public BundleManifest withContents(Map<String, FileDigest> files, Map<String, Integer> entries) {
        return new BundleManifest(format, task, rnnVersion, dl4jVersion, java, platform, seed, threads, created, data,
                commit, files, entries);
    }

    /** The oldest format this version reads. 1: vocabulary entries written as they are. */
    public static final int OLDEST_FORMAT = 1;
}
