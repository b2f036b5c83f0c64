package rnn.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads the Stanford IMDB review set ({@code aclImdb}) from its tar.gz archive or an unpacked
 * directory. Reviews under {@code <split>/pos} and {@code <split>/neg} become examples labelled
 * {@code pos} and {@code neg}; {@code unsup} and the other split are skipped. Each review's id is
 * the number of its file name, and its group is its movie: line {@code id} of
 * {@code <split>/urls_<label>.txt}, when that file is there (the release's README: "the ids in
 * the urls files correspond to the review files").
 */
final class ImdbReader {
    static final List<String> LABELS = List.of("neg", "pos");

    /** Archive member names; some tar tools prefix them with {@code ./}. */
    private static final Pattern MEMBER = Pattern.compile("(?:\\./)?aclImdb/(train|test)/(pos|neg|unsup)/([^/]+\\.txt)");
    private static final Pattern URLS = Pattern.compile("(?:\\./)?aclImdb/(train|test)/urls_(pos|neg|unsup)\\.txt");
    private static final String UNLABELLED = "unsup";
    private static final int TAR_HEADER_SIZE = 512;

    /** One review with its sort key: label, then the numeric id of {@code <id>_<rating>.txt}. */
    private record Review(String label, long id, String fileName, String text) {
        static final Comparator<Review> ORDER = Comparator.comparing(Review::label)
                .thenComparingLong(Review::id)
                .thenComparing(Review::fileName);

        static Review of(String label, String fileName, byte[] content) {
            return new Review(label, idOf(fileName), fileName, clean(TextFiles.decode(content, "aclImdb review "
                    + label + "/" + fileName)));
        }
    }

    private ImdbReader() {
    }

    /** True when the gzip file at {@code path} inflates to a tar archive. */
    static boolean isTarGz(Path path) {
        try (InputStream in = openGzip(path)) {
            byte[] header = in.readNBytes(TAR_HEADER_SIZE);
            return TarArchiveInputStream.matches(header, header.length);
        } catch (IOException e) {
            throw notAnArchive(path, e);
        }
    }

    /** Streams the archive once, keeping only the labelled reviews of {@code split}. */
    static List<LabeledText> readArchive(Path path, LabeledTextSource.Split split) {
        Map<String, List<String>> movies = new HashMap<>();
        return finish(path, split, archiveReviews(path, split.dirName(), LABELS, movies), movies);
    }

    /** Reads {@code path}, which is the {@code aclImdb} folder or a folder that contains it. */
    static List<LabeledText> readDirectory(Path path, LabeledTextSource.Split split) {
        Map<String, List<String>> movies = new HashMap<>();
        return finish(path, split, folderReviews(path, split.dirName(), LABELS, movies), movies);
    }

    /**
     * The reviews under {@code aclImdb/<dir>/<label>/} of the archive, for each of {@code labels};
     * the lines of each {@code urls_<label>.txt} of {@code dir} go into {@code movies}.
     */
    private static List<Review> archiveReviews(Path path, String dir, List<String> labels,
                                               Map<String, List<String>> movies) {
        List<Review> reviews = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(openGzip(path))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextTarEntry()) != null) {
                Matcher m = MEMBER.matcher(entry.getName());
                Matcher urls = URLS.matcher(entry.getName());
                if (entry.isFile() && m.matches() && m.group(1).equals(dir) && labels.contains(m.group(2))) {
                    reviews.add(Review.of(m.group(2), m.group(3), tar.readAllBytes()));
                } else if (entry.isFile() && urls.matches() && urls.group(1).equals(dir)
                        && labels.contains(urls.group(2))) {
                    movies.put(urls.group(2), lines(tar.readAllBytes(), path + ": " + entry.getName()));
                }
            }
        } catch (IOException e) {
            throw notAnArchive(path, e);
        }
        return reviews;
    }

    /**
     * The reviews under {@code aclImdb/<dir>/<label>/} of the folder (or the folder holding it);
     * the lines of each {@code urls_<label>.txt} of {@code dir} go into {@code movies}.
     */
    private static List<Review> folderReviews(Path path, String dir, List<String> labels,
                                              Map<String, List<String>> movies) {
        Path root = Files.isDirectory(path.resolve("aclImdb")) ? path.resolve("aclImdb") : path;
        List<Review> reviews = new ArrayList<>();
        for (String label : labels) {
            for (Path file : listReviews(root.resolve(dir).resolve(label))) {
                reviews.add(Review.of(label, file.getFileName().toString(), readFile(file)));
            }
            Path urls = root.resolve(dir).resolve("urls_" + label + ".txt");
            if (Files.isRegularFile(urls)) {
                movies.put(label, lines(readFile(urls), urls.toString()));
            }
        }
        return reviews;
    }

    private static List<String> lines(byte[] content, String name) {
        return TextFiles.decode(content, name).lines().map(String::strip).toList();
    }

    /**
     * The unlabelled reviews ({@code train/unsup}, 50,000 in the official release) of the archive
     * or of the {@code aclImdb} folder (or a folder that contains it), cleaned, in file-name order.
     */
    static List<String> readUnlabelled(Path path) {
        String dir = LabeledTextSource.Split.TRAIN.dirName();
        Map<String, List<String>> unused = new HashMap<>();
        List<Review> reviews = Files.isDirectory(path) ? folderReviews(path, dir, List.of(UNLABELLED), unused)
                : archiveReviews(path, dir, List.of(UNLABELLED), unused);
        List<String> texts = reviews.stream().filter(r -> !r.text().isEmpty()).sorted(Review.ORDER)
                .map(Review::text).toList();
        if (texts.isEmpty()) {
            throw new DataException(path + ": no unlabelled reviews found under aclImdb/train/unsup");
        }
        return texts;
    }

    /**
     * Replaces control characters (C0 including TAB/CR/LF, DEL, NEL, LINE and PARAGRAPH
     * SEPARATOR) with spaces and trims, so a review fits on one TSV line unchanged.
     */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(isControl(c) ? ' ' : c);
        }
        return out.toString().strip();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /**
     * Sorts for a deterministic order, drops empty reviews, which a TSV could not hold, and gives
     * each review its id and, where {@code movies} has a line for it, its movie.
     */
    private static List<LabeledText> finish(Path path, LabeledTextSource.Split split, List<Review> reviews,
                                            Map<String, List<String>> movies) {
        List<LabeledText> examples = reviews.stream()
                .filter(r -> !r.text().isEmpty())
                .sorted(Review.ORDER)
                .map(r -> new LabeledText(r.label(), r.text(), path + ": " + r.label() + "/" + r.fileName(),
                        movieOf(movies, r), r.id() == Long.MAX_VALUE ? LabeledText.NO_ID : r.id()))
                .toList();
        if (examples.isEmpty()) {
            throw new DataException(path + ": no labelled reviews found under aclImdb/"
                    + split.dirName() + "/{pos,neg}");
        }
        return examples;
    }

    /** The review's movie: line {@code id} (from 0) of its label's urls file; null when there is none. */
    private static String movieOf(Map<String, List<String>> movies, Review review) {
        List<String> urls = movies.get(review.label());
        if (urls == null || review.id() >= urls.size() || urls.get((int) review.id()).isEmpty()) {
            return null;
        }
        return urls.get((int) review.id());
    }

    private static List<Path> listReviews(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt") && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new DataException(dir + ": cannot read (" + LabeledTextSource.reason(e) + ")", e);
        }
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read (" + LabeledTextSource.reason(e) + ")", e);
        }
    }

    /** The numeric id before the first '_'; names without one sort after all numbered reviews. */
    private static long idOf(String fileName) {
        int underscore = fileName.indexOf('_');
        String id = underscore < 0 ? "" : fileName.substring(0, underscore);
        if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return Long.MAX_VALUE;
        }
        return Long.parseLong(id);
    }

    private static InputStream openGzip(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path));
        try {
            return new GzipCompressorInputStream(in, true);
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private static DataException notAnArchive(Path path, IOException e) {
        return new DataException(path + ": not a valid gzip/tar archive (" + LabeledTextSource.reason(e) + ")", e);
    }
}
