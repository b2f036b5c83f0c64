package rnn.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import rnn.util.UserException;

/**
 * One writer per model folder: an operating-system lock on {@code .NAME.lock} beside
 * {@code models/NAME}, held from the moment training touches the folder until the bundle is
 * written. A second run into the same folder fails at once, naming the folder and the holder
 * (its process id and start time, which the holder writes into the file). The operating system
 * drops the lock when its process dies, so a killed run never leaves a stale lock; the file
 * itself stays (deleting it could let two runs lock two different files).
 */
final class ModelLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ModelLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code modelDir}. */
    static Path fileOf(Path modelDir) {
        return ModelDirectory.sibling(modelDir, ".lock");
    }

    /**
     * Fails at once, as {@link #acquire} would, when another run holds the lock of {@code modelDir};
     * creates no file (a folder that was never trained into has none; an existing lock file gets
     * this process's id while it probes).
     */
    static void checkFree(Path modelDir) throws IOException {
        if (Files.exists(fileOf(modelDir))) {
            acquire(modelDir).close();
        }
    }

    /** Takes the lock of {@code modelDir}, or fails with one line naming the folder and the holder. */
    static ModelLock acquire(Path modelDir) throws IOException {
        Path file = fileOf(modelDir);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Held by this same JVM. The channel stays open: on some systems closing any channel of
            // the file drops the locks of all of them, the holder's included.
            throw new UserException(modelDir + " is being written by another rnn run (" + holder(channel)
                    + "); wait for it to finish or choose another --name");
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new UserException(modelDir + " is being written by another rnn run (" + holder + "); wait for it"
                    + " to finish or choose another --name");
        }
        ProcessHandle self = ProcessHandle.current();
        String info = "pid " + self.pid() + ", started " + self.info().startInstant().orElse(Instant.now()) + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(info.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new ModelLock(channel, lock);
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "holder unknown" : text;
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
