package rnn.task.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rnn.config.DevSplitMethod;
import rnn.config.Truncation;
import rnn.config.WordVectorSource;
import rnn.data.DataException;
import rnn.train.RunVectors;

/** How the classification task carves its dev set: whole movies, the highest ids, or at random. */
class ClassifyDataTest {
    @TempDir
    Path dir;

    /** 40 reviews per label; review i of each label is of movie i / 4 of that label (ten movies each). */
    private Path imdbFolder() throws IOException {
        Path root = dir.resolve("aclImdb/train");
        for (String label : List.of("pos", "neg")) {
            Files.createDirectories(root.resolve(label));
            StringBuilder urls = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                Files.writeString(root.resolve(label).resolve(i + "_" + (label.equals("pos") ? 9 : 2) + ".txt"),
                        label + " review " + i + " of movie " + i / 4);
                urls.append("http://imdb/").append(label).append(i / 4).append('\n');
            }
            Files.writeString(root.resolve("urls_" + label + ".txt"), urls);
        }
        return dir;
    }

    private static ClassifyConfig.Data config(Path train, DevSplitMethod method, Path ids) {
        return new ClassifyConfig.Data(train.toString(), null, 0.25, method, ids == null ? null : ids.toString(), 50,
                Truncation.HEAD, true, 100, 1, null, WordVectorSource.NONE);
    }

    @Test
    void anImdbFolderWithUrlsFilesIsSplitByMovie() throws IOException {
        ClassifyData data = ClassifyData.prepare(config(imdbFolder(), DevSplitMethod.AUTO, null), 3, 8, RunVectors.none());
        assertEquals(80, data.train().size() + data.dev().size());
        assertEquals(0, data.dev().size() % 4, "whole movies of four reviews: " + data.dev().size());
        assertTrue(data.dev().size() >= 20, "at least a quarter: " + data.dev().size());
        assertTrue(data.devSource().contains("dev split: whole groups, " + data.dev().size() / 4 + " of them"),
                data.devSource());
    }

    @Test
    void aTsvWithItsIdsSidecarHoldsOutTheHighestIdsOfEachLabel() throws IOException {
        StringBuilder tsv = new StringBuilder();
        StringBuilder ids = new StringBuilder("line\tlabel\tfile\trating\n");
        List<String> devTexts = new ArrayList<>();
        for (int row = 0; row < 40; row++) {
            String label = row % 2 == 0 ? "pos" : "neg";
            int id = (row * 7) % 40;   // ids in scrambled order, as in a shuffled TSV
            String text = label + " text number " + row;
            tsv.append(label).append('\t').append(text).append('\n');
            ids.append(row + 1).append('\t').append(label).append("\taclImdb/train/").append(label).append('/')
                    .append(id).append("_5.txt\t5\n");
            if (id >= 30) {
                devTexts.add(text);
            }
        }
        Path train = Files.writeString(dir.resolve("train.tsv"), tsv);
        Path sidecar = Files.writeString(dir.resolve("train.ids.tsv"), ids);
        ClassifyData data = ClassifyData.prepare(config(train, DevSplitMethod.AUTO, sidecar), 3, 8, RunVectors.none());
        assertEquals(devTexts.size(), data.dev().size(), "the top quarter of each label's ids: " + devTexts);
        assertEquals(List.of(train, sidecar), data.files(), "the sidecar is recorded among the run's data files");
        assertTrue(data.devSource().endsWith("(dev split: the highest ids of each label)"), data.devSource());
    }

    @Test
    void aPlainTsvIsSplitAtRandomAndAMethodItCannotFollowIsAnError() throws IOException {
        StringBuilder tsv = new StringBuilder();
        for (int row = 0; row < 20; row++) {
            tsv.append(row % 2 == 0 ? "a" : "b").append("\ttext ").append(row).append('\n');
        }
        Path train = Files.writeString(dir.resolve("plain.tsv"), tsv);
        ClassifyData data = ClassifyData.prepare(config(train, DevSplitMethod.AUTO, null), 3, 8, RunVectors.none());
        assertEquals(5, data.dev().size());
        assertTrue(data.devSource().endsWith("(dev split: at random)"), data.devSource());
        DataException e = assertThrows(DataException.class,
                () -> ClassifyData.prepare(config(train, DevSplitMethod.GROUPS, null), 3, 8, RunVectors.none()));
        assertEquals("data.dev_split: groups needs every example's group (an IMDB archive or folder with its "
                + "urls_*.txt files); " + train + " does not give them", e.getMessage());
        e = assertThrows(DataException.class, () -> ClassifyData.prepare(config(train, DevSplitMethod.TOP_IDS, null), 3, 8, RunVectors.none()));
        assertTrue(e.getMessage().startsWith("data.dev_split: top_ids needs every example's id"), e.getMessage());
    }

    @Test
    void wordVectorsStartTheEmbeddingAndBringWordsTrainNeverShows() throws IOException {
        Path train = Files.writeString(dir.resolve("v.tsv"), "a\tgood film\nb\tbad film\na\tgood plot\nb\tbad plot\n");
        Path vectors = Files.writeString(dir.resolve("vectors.txt"), "3 2\ngood 0.5 0.5\nsuperb 0.25 0.75\nfilm 1 0\n");
        ClassifyConfig.Data config = new ClassifyConfig.Data(train.toString(), train.toString(), 0.25,
                DevSplitMethod.AUTO, null, 50, Truncation.HEAD, true, 100, 1, null,
                new WordVectorSource(vectors.toString(), 0, List.of()));
        ClassifyData data = ClassifyData.prepare(config, 3, 2, RunVectors.none());
        var vocabulary = data.encoder().vocabulary();
        assertTrue(vocabulary.entries().contains("superb"), "a word only the vectors know: " + vocabulary.entries());
        assertEquals(0.75f, data.vectorsById()[vocabulary.indexOf("superb")][1]);
        assertEquals(null, data.vectorsById()[vocabulary.indexOf("plot")], "train's word without a vector");
        assertTrue(data.files().contains(vectors));
        DataException e = assertThrows(DataException.class, () -> ClassifyData.prepare(config, 3, 4, RunVectors.none()));
        assertEquals("data.word_vectors: " + vectors + " holds vectors of 2 numbers, but model.embedding_size is 4",
                e.getMessage());
    }
}
