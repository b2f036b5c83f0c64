package rnn.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds small data files for the data tests: gzipped text, tar.gz archives and IMDB folders. */
final class Fixtures {
    /**
     * A miniature IMDB layout, deliberately out of order: ids 10 and 2 check numeric sorting,
     * and the test and unsup entries must be skipped when reading {@code train}.
     */
    static final Map<String, String> IMDB = Map.of(
            "aclImdb/train/pos/10_8.txt", "Ten\tout\r\nof ten",
            "aclImdb/train/pos/0_9.txt", "  A great<br />film.\u2028Loved it\u0085 \u007f ",
            "aclImdb/train/neg/1_2.txt", "Awful.\n\nJust awful.\n",
            "aclImdb/train/pos/2_7.txt", "Fine \u00e9t\u00e9 movie \ud83c\udfac",
            "aclImdb/test/pos/5_10.txt", "Test review",
            "aclImdb/train/unsup/3_0.txt", "Unlabelled",
            "aclImdb/README", "not a review");

    private Fixtures() {
    }

    static Path gzip(Path file, String content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** A tar.gz holding {@code entries} (name to UTF-8 content) under a leading directory entry. */
    static Path tarGz(Path file, Map<String, String> entries) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                new GZIPOutputStream(Files.newOutputStream(file)))) {
            tar.putArchiveEntry(new TarArchiveEntry("aclImdb/"));
            tar.closeArchiveEntry();
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                byte[] bytes = entry.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry header = new TarArchiveEntry(entry.getKey());
                header.setSize(bytes.length);
                tar.putArchiveEntry(header);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    /** Writes {@code entries} as files under {@code dir}; returns {@code dir}. */
    static Path tree(Path dir, Map<String, String> entries) throws IOException {
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            Path file = dir.resolve(entry.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, entry.getValue());
        }
        return dir;
    }
}
