package rnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rnn} in a JVM of its own, for tests that kill it or run two at once: the test classpath,
 * one OpenMP and BLAS thread (so runs repeat exactly), output merged and discarded unless the
 * caller redirects it.
 */
public final class RnnProcess {
    private RnnProcess() {
    }

    /** {@code java [jvmOptions] -cp CLASSPATH rnn.cli.Rnn args}. */
    public static ProcessBuilder of(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Rnn.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("OPENBLAS_NUM_THREADS", "1");
        return builder;
    }
}
