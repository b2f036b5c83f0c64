package rnn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import rnn.data.download.Dataset;
import rnn.data.download.DatasetFile;
import rnn.data.download.Datasets;
import rnn.data.download.Downloader;
import rnn.util.ConsoleProgress;

/** {@code rnn data}: lists and downloads the public datasets rnn knows. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "List and download public datasets.",
        subcommands = {DataCommand.ListCommand.class, DataCommand.DownloadCommand.class})
final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code rnn data list}: the known datasets with their addresses. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the datasets 'rnn data download' knows.")
    static final class ListCommand implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            for (Dataset d : Datasets.all().values()) {
                for (DatasetFile f : d.files()) {
                    out.printf("%-16s %s (%s)%n", d.name(), f.url(),
                            f.md5() == null ? "no checksum known to rnn" : "md5 " + f.md5());
                }
            }
            out.flush();
        }
    }

    /** {@code rnn data download NAME}: fetches a dataset into the cache, checked and resumable. */
    @Command(name = "download", mixinStandardHelpOptions = true,
            description = {"Download a dataset into the cache (default: $RNN_CACHE or ~/.cache/rnn),",
                "resuming a partial download and checking its md5, and unpack it (wikitext-2's zip; Tiny",
                "Shakespeare's train/valid/test parts). Prints the paths of the files to train on."})
    static final class DownloadCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RuntimeOptions runtime;

        @Parameters(paramLabel = "NAME", description = "Dataset name (see 'rnn data list').")
        String name;

        @Option(names = "--cache", paramLabel = "DIR", description = "Download folder.")
        Path cache;

        @Override
        public Integer call() throws IOException {
            Dataset dataset = Datasets.get(name);
            Path dir = cache != null ? cache : Downloader.defaultCacheDir();
            List<Path> paths = dataset.fetch(new Downloader(), dir,
                    ConsoleProgress.forTerminal(spec.commandLine().getErr(), runtime.quiet));
            paths.forEach(spec.commandLine().getOut()::println);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
