package rnn.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.nd4j.linalg.factory.Nd4j;

import rnn.train.RunHeader;
import rnn.util.Versions;

/**
 * What a report records so that its numbers can be reproduced and compared: the code's commit,
 * the versions of rnn, DL4J and Java, the backend and threads, and the machine.
 *
 * @param commit    the git commit of the rnn checkout (with "+changes" when it has uncommitted ones), or
 *                  "unknown" outside a checkout
 * @param rnn       rnn's version
 * @param dl4j      DL4J's version
 * @param java      the Java runtime's version and vendor
 * @param backend   ND4J's backend
 * @param threads   OpenMP and BLAS thread settings
 * @param cores     processors the JVM sees
 * @param cpu       the processor model, or "unknown"
 * @param os        operating system and architecture
 */
public record Machine(String commit, String rnn, String dl4j, String java, String backend, String threads, int cores,
                      String cpu, String os) {

    /** This run's, with the commit of the checkout at {@code home}. */
    public static Machine current(Path home) {
        return new Machine(commit(home), Versions.rnn(), Versions.dl4j(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                Nd4j.getBackend().getClass().getSimpleName(), RunHeader.threads(),
                Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    /** For the summary's table. */
    public Map<String, String> rows() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("commit", commit);
        m.put("rnn", rnn);
        m.put("DL4J", dl4j);
        m.put("Java", java);
        m.put("backend", backend);
        m.put("threads", threads);
        m.put("processors", Integer.toString(cores));
        m.put("CPU", cpu);
        m.put("OS", os);
        return m;
    }

    private static String commit(Path home) {
        String head = git(home, "rev-parse", "HEAD");
        if (head == null) {
            return "unknown";
        }
        String status = git(home, "status", "--porcelain", "--untracked-files=no");
        return status == null || status.isEmpty() ? head : head + "+changes";
    }

    private static String git(Path home, String... args) {
        try {
            String[] command = new String[args.length + 3];
            command[0] = "git";
            command[1] = "-C";
            command[2] = home.toString();
            System.arraycopy(args, 0, command, 3, args.length);
            Process p = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;   // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";   // not Linux
        }
    }
}
