package rnn.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import rnn.data.DataException;
import rnn.util.AtomicFiles;
import rnn.util.Progress;

/**
 * A public dataset {@code rnn data download} knows: the files to fetch (each checked against its
 * MD5) and how they become the files a config names, e.g. the members of a zip archive, or the
 * train/valid/test parts of one text.
 *
 * @param name   the registry name
 * @param files  what to download, in order
 * @param unpack turns the downloaded files into the usable ones
 */
public record Dataset(String name, List<DatasetFile> files, Unpack unpack) {

    /** Makes the usable files from the downloaded ones, in {@code dir}; returns their paths. */
    @FunctionalInterface
    public interface Unpack {
        List<Path> apply(List<Path> downloaded, Path dir) throws IOException;
    }

    /** One file used as downloaded. */
    public static Dataset single(DatasetFile file) {
        return new Dataset(file.name(), List.of(file), (downloaded, dir) -> downloaded);
    }

    /** Downloads (or finds in the cache) every file and unpacks them; returns the usable files. */
    public List<Path> fetch(Downloader downloader, Path cacheDir, Progress progress) {
        List<Path> downloaded = new ArrayList<>();
        for (DatasetFile file : files) {
            downloaded.add(downloader.fetch(file, cacheDir, progress));
        }
        try {
            return unpack.apply(downloaded, cacheDir);
        } catch (IOException e) {
            throw new DataException(name + ": cannot unpack into " + cacheDir + " (" + e.getMessage() + ")", e);
        }
    }

    /** Extracts {@code members} of the one downloaded zip archive to the same relative paths under {@code dir}. */
    static Unpack unzip(String... members) {
        return (downloaded, dir) -> {
            List<Path> out = new ArrayList<>();
            try (ZipFile zip = new ZipFile(downloaded.get(0).toFile())) {
                for (String member : members) {
                    ZipEntry entry = zip.getEntry(member);
                    if (entry == null) {
                        throw new IOException(downloaded.get(0) + " has no member " + member);
                    }
                    Path target = dir.resolve(member);
                    AtomicFiles.write(target, tmp -> {
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, tmp);
                        }
                    });
                    out.add(target);
                }
            }
            return out;
        };
    }

    /**
     * Cuts the one downloaded text into consecutive parts at character offsets: part {@code i}
     * runs from {@code offsets[i - 1]} (0 for the first) to {@code offsets[i]} (the end for the last).
     */
    static Unpack split(String folder, int[] offsets, String... parts) {
        return (downloaded, dir) -> {
            String text = Files.readString(downloaded.get(0), StandardCharsets.UTF_8);
            List<Path> out = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                int from = i == 0 ? 0 : offsets[i - 1];
                int to = i < offsets.length ? offsets[i] : text.length();
                Path target = dir.resolve(folder).resolve(parts[i]);
                AtomicFiles.writeString(target, text.substring(from, to));
                out.add(target);
            }
            return out;
        };
    }
}
