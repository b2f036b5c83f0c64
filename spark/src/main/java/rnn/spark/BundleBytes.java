package rnn.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A model bundle as bytes: what the driver broadcasts, so that executors need no file system
 * in common with it. The training run's folder ({@code run/}: checkpoints) stays behind.
 *
 * @param name   the bundle folder's name
 * @param sha256 the SHA-256 of {@code zip}: executors keep one loaded copy per distinct bundle
 * @param zip    the bundle's files, zipped with their paths inside the folder
 */
public record BundleBytes(String name, String sha256, byte[] zip) implements Serializable {
    private static final String RUN_FOLDER = "run";

    /** The files of the bundle folder {@code dir}, in path order (the same folder gives the same bytes). */
    public static BundleBytes of(Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Stream<Path> walk = Files.walk(dir); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(f -> !dir.relativize(f).startsWith(RUN_FOLDER)).sorted().toList();
            for (Path f : files) {
                ZipEntry entry = new ZipEntry(dir.relativize(f).toString().replace('\\', '/'));
                entry.setTime(0);
                zip.putNextEntry(entry);
                Files.copy(f, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundle " + dir, e);
        }
        byte[] zip = bytes.toByteArray();
        return new BundleBytes(dir.getFileName().toString(), sha256(zip), zip);
    }

    /**
     * The bundle folder under {@code root}, unpacked there by the first caller: {@code
     * root/SHA/NAME}. Unpacked beside it, then renamed, so a reader never sees half a bundle.
     */
    public Path unpack(Path root) {
        Path target = root.resolve(sha256).resolve(name);
        if (Files.isDirectory(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempDirectory(target.getParent(), name + ".partial");
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    Path file = partial.resolve(e.getName()).normalize();
                    if (!file.startsWith(partial)) {
                        throw new IOException("entry outside the bundle: " + e.getName());
                    }
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file);
                }
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isDirectory(target)) {
                    throw raced;
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the bundle " + name + " under " + root, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
