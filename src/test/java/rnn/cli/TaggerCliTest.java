package rnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rnn.task.SyntheticEntities;

/** The tagger task end to end through the command line on invented entity sentences and a CoNLL-U fixture. */
class TaggerCliTest {
    @TempDir
    static Path dir;
    static Path models;
    static Path entities;
    static Path config;
    static CliTestSupport.Result training;

    @BeforeAll
    static void trainTinyTagger() throws IOException {
        models = dir.resolve("models");
        entities = SyntheticEntities.write(dir.resolve("entities.conll"), 300, 1);
        config = dir.resolve("tiny-tagger.yaml");
        Files.copy(Path.of("src/test/resources/configs/tiny-tagger.yaml"), config);
        training = CliTestSupport.run("train", "tagger", "--config", config.toString(), "--data", entities.toString(),
                "--models", models.toString(), "-q");
    }

    private static double bestDevF1(CliTestSupport.Result training) {
        Matcher f1 = Pattern.compile("dev f1 ([0-9.]+)").matcher(training.out());
        double best = 0;
        while (f1.find()) {
            best = Math.max(best, Double.parseDouble(f1.group(1)));
        }
        return best;
    }

    @Test
    void learnsTheEntitiesAndReportsEntityF1() {
        assertEquals(0, training.exitCode(), training.toString());
        assertTrue(training.out().contains("tags (bioes)"), training.out());
        assertTrue(Files.isRegularFile(models.resolve("tagger/vocab/labels.txt")));
        assertTrue(bestDevF1(training) > 0.9, "entity F1 on the dev part: " + training.out());
    }

    /** Variational dropout trains with either output, each taking one mask per sentence (TaggerNetworkTest). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"softmax", "crf"})
    void variationalDropoutTrainsWithEitherOutput(String output) {
        CliTestSupport.Result r = CliTestSupport.run("train", "tagger", "--config", config.toString(), "--data",
                entities.toString(), "--set", "model.output=" + output, "--set", "model.variational_dropout=true",
                "--set", "model.dropout=0.3", "--set", "model.embedding_dropout=0.3", "--set", "training.epochs=1",
                "--name", "variational-" + output, "--models", models.toString(), "-q");
        assertEquals(0, r.exitCode(), r.toString());
    }

    @Test
    void crfTaggerWithCharacterFeaturesLearnsTheEntitiesToo() {
        CliTestSupport.Result r = CliTestSupport.run("train", "tagger", "--config", config.toString(), "--data",
                entities.toString(), "--set", "model.output=crf", "--set", "data.tag_scheme=iob2", "--set",
                "model.chars={filters: 8, embedding_size: 4}", "--set", "model.word_dropout=0.1", "--name", "crf", "--models", models.toString(), "-q");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(bestDevF1(r) > 0.9, "entity F1 on the dev part: " + r.out());
        assertTrue(r.out().contains("characters;"), r.out());
        assertTrue(Files.isRegularFile(models.resolve("crf/vocab/chars.txt")));
        CliTestSupport.Result eval = CliTestSupport.run("eval", "crf", "--data", entities.toString(), "--models",
                models.toString());
        assertEquals(0, eval.exitCode(), eval.toString());
        assertTrue(eval.out().contains("PER: precision"), eval.out());
    }

    @Test
    void wordVectorsFromRnnVectorsStartTheEmbeddingAndBringTheirWordsIntoTheVocabulary() throws IOException {
        // The training sentences as plain text, and a word the tagger's training data never has.
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(entities)) {
            text.append(line.isBlank() || line.startsWith("-DOCSTART-") ? "\n" : line.split(" ")[0] + " ");
        }
        text.append("Zyzzyva visited Oslo .\n".repeat(5));
        Path corpus = Files.writeString(dir.resolve("corpus.txt"), text);
        Path vectors = dir.resolve("vectors.txt.gz");
        CliTestSupport.Result made = CliTestSupport.run("vectors", corpus.toString(), "--out", vectors.toString(),
                "--size", "16", "--min-count", "1", "--epochs", "1", "--no-lowercase", "--threads", "1");
        assertEquals(0, made.exitCode(), made.toString());
        assertTrue(made.err().contains("words with 16-number vectors"), made.err());

        CliTestSupport.Result r = CliTestSupport.run("train", "tagger", "--config", config.toString(), "--data",
                entities.toString(), "--set", "data.word_vectors=" + vectors, "--name", "vectors", "--models",
                models.toString(), "-q");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("pretrained vectors for "), r.out());
        assertTrue(bestDevF1(r) > 0.9, "entity F1 on the dev part: " + r.out());
        assertTrue(Files.readAllLines(models.resolve("vectors/vocab/tokens.txt")).contains("Zyzzyva"));

        // vectors_epochs: auto (as ud-ewt-pos.yaml and conll03-bilstm-crf.yaml have it) leaves a named file to start the embedding
        CliTestSupport.Result auto = CliTestSupport.run("train", "tagger", "--config", config.toString(), "--data",
                entities.toString(), "--set", "data.word_vectors=" + vectors, "--set", "data.vectors_epochs=auto",
                "--set", "training.epochs=1", "--name", "vectors-auto", "--models", models.toString(), "-q");
        assertEquals(0, auto.exitCode(), auto.toString());
        assertTrue(auto.out().contains("pretrained vectors for "), auto.out());
        assertFalse(auto.out().contains("word vectors:"), auto.out());

        CliTestSupport.Result wrongSize = CliTestSupport.run("train", "tagger", "--config", config.toString(),
                "--data", entities.toString(), "--set", "data.word_vectors=" + vectors, "--set",
                "model.embedding_size=8", "--name", "wrong", "--models", models.toString(), "-q");
        assertEquals(2, wrongSize.exitCode(), wrongSize.toString());
        assertEquals(1, wrongSize.err().lines().count(), wrongSize.err());
        assertTrue(wrongSize.err().contains("data.word_vectors: " + vectors
                + " holds vectors of 16 numbers, but model.embedding_size is 8"), wrongSize.err());
    }

    /** vectors_epochs: word2vec on the training sentences and unlabelled text, in the run, does what word_vectors does. */
    @Test
    void trainsItsOwnWordVectorsFromUnlabelledTextWhenAsked() throws IOException {
        Path more = Files.writeString(dir.resolve("unlabelled.txt"), "Zyzzyva visited Oslo .\n".repeat(5));
        CliTestSupport.Result r = CliTestSupport.run("train", "tagger", "--config", config.toString(), "--data",
                entities.toString(), "--set", "data.vectors_epochs=auto", "--set", "data.unlabelled=[" + more + "]",
                "--name", "own-vectors", "--models", models.toString(), "--set", "training.epochs=3", "-q");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().matches("(?s).*word vectors: [\\d,]+ words from [\\d,]+ tokens in .*"), r.out());
        assertTrue(r.out().matches("(?s).*pretrained vectors for [1-9][\\d,]* of the [\\d,]+ words.*"), r.out());
        assertTrue(bestDevF1(r) > 0.9, "entity F1 on the dev part: " + r.out());
        assertTrue(Files.readAllLines(models.resolve("own-vectors/vocab/tokens.txt")).contains("Zyzzyva"),
                "a word of the unlabelled text only joins the vocabulary");
        assertTrue(Files.readString(models.resolve("own-vectors/config.yaml")).contains("vectors_epochs: auto"));

        // Resumed (as after a stop in epoch 3 of 4), the run rebuilds the vocabulary from the words
        // alone: it trains no vectors, and the vocabulary check against the run's own passes.
        CliTestSupport.interrupt(models.resolve("own-vectors"), 3, 4);
        CliTestSupport.Result resumed = CliTestSupport.run("train", "tagger", "--resume", "--name", "own-vectors",
                "--models", models.toString(), "-q");
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().contains("resuming after epoch 3"), resumed.out());
        assertFalse(resumed.out().contains("word vectors:"), resumed.out());

        CliTestSupport.Result both = CliTestSupport.run("train", "tagger", "--config", config.toString(), "--data",
                entities.toString(), "--set", "data.vectors_epochs=1", "--set", "data.word_vectors=" + more,
                "--name", "both", "--models", models.toString(), "-q");
        assertEquals(2, both.exitCode(), both.toString());
        assertEquals(1, both.err().lines().count(), both.err());
        assertTrue(both.err().contains("data.vectors_epochs: word vectors come either from data.word_vectors or from "
                + "training them"), both.err());
    }

    @Test
    void evalScoresAFileInItsOwnSchemeLikeConlleval() throws IOException {
        Path fresh = SyntheticEntities.write(dir.resolve("more.conll"), 50, 2);
        CliTestSupport.Result r = CliTestSupport.run("eval", "tagger", "--data", fresh.toString(), "--models",
                models.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("processed "), r.out());
        Matcher m = Pattern.compile("F1: +([0-9.]+)\\n").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Double.parseDouble(m.group(1)) > 90, r.out());
        for (String type : List.of("LOC", "ORG", "PER")) {
            assertTrue(r.out().contains(type + ": precision"), r.out());
        }
    }

    @Test
    void partOfSpeechTaggerReportsTokenAccuracy() {
        Path conllu = Path.of("src/test/resources/tagging/pos.conllu");
        CliTestSupport.Result r = CliTestSupport.run("train", "tagger", "--config", config.toString(), "--data",
                conllu.toString(), "--set", "data.dev=" + conllu, "--set", "data.format=conllu", "--set",
                "data.token_column=1", "--set", "data.tag_scheme=none", "--set", "training.metric=accuracy",
                "--set", "training.epochs=30", "--name", "pos", "--models", models.toString(), "-q");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("2 train, 2 dev sentences") && r.out().contains("6 tags (none)"), r.out());
        assertTrue(r.out().contains("dev accuracy 1.0000"), "6 words learnt by heart: " + r.out());
        assertTrue(!r.out().contains("dev f1"), r.out());
    }

    @Test
    void tagAddsPredictedTagsToConllLinesInTheInputsScheme() throws IOException {
        // Many documents: sentences sorted by length put the empty -DOCSTART- blocks in one batch.
        Path fresh = SyntheticEntities.write(dir.resolve("tag-me.conll"), 40, 3);
        Files.writeString(fresh, "-DOCSTART- -X- O O\n\n".repeat(70) + Files.readString(fresh));
        CliTestSupport.Result r = CliTestSupport.run("tag", "tagger", fresh.toString(), "--models", models.toString());
        assertEquals(0, r.exitCode(), r.toString());
        List<String> in = Files.readAllLines(fresh);
        List<String> out = r.out().lines().toList();
        List<List<String>> gold = new java.util.ArrayList<>();
        List<List<String>> predicted = new java.util.ArrayList<>();
        List<String> g = new java.util.ArrayList<>();
        List<String> p = new java.util.ArrayList<>();
        int o = 0;
        for (String line : in) {
            while (o < out.size() && out.get(o).isBlank() && !line.isBlank()) {
                o++;   // the output may add a blank line where the input ends
            }
            if (line.isBlank() || line.startsWith("-DOCSTART-")) {
                if (!g.isEmpty()) {
                    gold.add(g);
                    predicted.add(p);
                    g = new java.util.ArrayList<>();
                    p = new java.util.ArrayList<>();
                }
                o++;
                continue;
            }
            String[] columns = out.get(o++).split(" ");
            assertEquals(line, String.join(" ", java.util.Arrays.copyOf(columns, 4)), "the input line comes first");
            g.add(columns[3]);
            p.add(columns[4]);
        }
        assertTrue(p.stream().noneMatch(t -> t.startsWith("E-") || t.startsWith("S-")), "IOB1 like the input");
        double f1 = rnn.eval.SpanReport.of(gold, predicted).overall().f1();
        assertTrue(f1 > 0.9, "F1 " + f1);
    }

    @Test
    void threadsTaggingBatchesSideBySideWriteWhatOneThreadWrites() throws IOException {
        Path file = SyntheticEntities.write(dir.resolve("threads.conll"), 60, 5);
        CliTestSupport.Result one = CliTestSupport.run("tag", "tagger", file.toString(), "--models", models.toString(),
                "--batch-size", "4", "--threads", "1");
        CliTestSupport.Result three = CliTestSupport.run("tag", "tagger", file.toString(), "--models",
                models.toString(), "--batch-size", "4", "--threads", "3");
        assertEquals(0, three.exitCode(), three.toString());
        assertEquals(one.out(), three.out());
        CliTestSupport.Result none = CliTestSupport.run("tag", "tagger", file.toString(), "--models", models.toString(),
                "--threads", "0");
        assertEquals(2, none.exitCode(), none.toString());
        assertEquals("rnn: --threads: must be at least 1, got 0\n", none.err());
    }

    @Test
    void tagWritesEntitySpansWithCharacterOffsetsAsJson() throws IOException {
        Path text = Files.writeString(dir.resolve("text.txt"), "Maria Lopez visited Lisbon.\n\nshares of Blue Bank rose.\n");
        CliTestSupport.Result r = CliTestSupport.run("tag", "tagger", text.toString(), "--json", "--models",
                models.toString());
        assertEquals(0, r.exitCode(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        com.google.gson.JsonObject first = com.google.gson.JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals("Maria Lopez visited Lisbon.", first.get("text").getAsString());
        assertEquals("[{\"type\":\"PER\",\"start\":0,\"end\":11,\"text\":\"Maria Lopez\"},"
                + "{\"type\":\"LOC\",\"start\":20,\"end\":26,\"text\":\"Lisbon\"}]",
                first.get("entities").toString());
        assertEquals("B-PER", first.getAsJsonArray("tokens").get(0).getAsJsonObject().get("tag").getAsString());
        assertTrue(lines.get(1).contains("\"text\":\"Blue Bank\""), lines.get(1));
        assertConfidences(lines);
    }

    /** Each token's confidence is a probability, and not all are certain. */
    private static void assertConfidences(List<String> jsonLines) {
        List<Double> confidences = new java.util.ArrayList<>();
        for (String line : jsonLines) {
            com.google.gson.JsonParser.parseString(line).getAsJsonObject().getAsJsonArray("tokens")
                    .forEach(t -> confidences.add(t.getAsJsonObject().get("confidence").getAsDouble()));
        }
        assertTrue(!confidences.isEmpty() && confidences.stream().allMatch(c -> c > 0 && c <= 1), confidences.toString());
        assertTrue(confidences.stream().anyMatch(c -> c < 0.9999), "not every tag is certain: " + confidences);
    }

    @Test
    void tagReplacesTheTagColumnOfConllu() {
        Path conllu = Path.of("src/test/resources/tagging/pos.conllu");
        CliTestSupport.Result trained = CliTestSupport.run("train", "tagger", "--config", config.toString(), "--data",
                conllu.toString(), "--set", "data.dev=" + conllu, "--set", "data.format=conllu", "--set",
                "data.token_column=1", "--set", "data.tag_scheme=none", "--set", "training.metric=accuracy",
                "--set", "training.epochs=30", "--name", "pos-tag", "--models", models.toString(), "-q");
        assertEquals(0, trained.exitCode(), trained.toString());
        CliTestSupport.Result r = CliTestSupport.run("tag", "pos-tag", conllu.toString(), "--models",
                models.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("# sent_id = t-1", "# text = I can't go.", "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t4:nsubj\t_",
                "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_"), r.out().lines().limit(4).toList());
        assertTrue(r.out().contains("1\tYes\tyes\tINTJ\t"), r.out());
        CliTestSupport.Result json = CliTestSupport.run("tag", "pos-tag", conllu.toString(), "--json", "--models",
                models.toString());
        assertConfidences(json.out().lines().toList());
    }

    /** conlleval reads rnn tag's CoNLL output as is: every line, -DOCSTART- too, has the same columns. */
    @Test
    void taggedConllHasOneNumberOfColumnsThroughout() {
        CliTestSupport.Result r = CliTestSupport.run("tag", "src/test/resources/bundles/tagger-crf-chars-v2",
                "src/test/resources/bundles/inputs/entities.conll");
        assertEquals(0, r.exitCode(), r.toString());
        List<Integer> columns = r.out().lines().filter(l -> !l.isBlank()).map(l -> l.split(" ").length).distinct()
                .toList();
        assertEquals(List.of(5), columns, r.out());
        assertTrue(r.out().startsWith("-DOCSTART- -X- O O O\n"), r.out());
    }
}
