package rnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class RecurrentBenchmarkTest {
    private static final String[] TINY = {"--batch", "2", "--steps", "5", "--hidden", "4", "--embedding", "4",
        "--vocab", "20", "--warmup", "1", "--iterations", "1", "--json"};

    @Test
    void measuresEveryCase() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = RecurrentBenchmark.execute(TINY, new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(0, status, err.toString());
        Map<String, JsonObject> byCase = out.toString().lines().map(l -> JsonParser.parseString(l).getAsJsonObject())
                .collect(Collectors.toMap(o -> o.get("case").getAsString(), Function.identity()));
        assertEquals(List.of("bigru", "bilstm", "gru", "lstm"), byCase.keySet().stream().sorted().toList());
        byCase.values().forEach(RecurrentBenchmarkTest::assertMeasured);
        assertTrue(err.toString().contains("OPENBLAS_CORETYPE="), err.toString());
    }

    @Test
    void marksACaseTheBuilderRejectsAsNotAvailable() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = Arrays.copyOf(TINY, TINY.length + 4);
        System.arraycopy(new String[] {"--cases", "gru", "--set", "model.implementation=dl4j"}, 0, args, TINY.length, 4);
        int status = RecurrentBenchmark.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(0, status, err.toString());
        JsonObject gru = JsonParser.parseString(out.toString().strip()).getAsJsonObject();
        assertFalse(gru.get("available").getAsBoolean());
        assertTrue(gru.get("reason").getAsString().contains("DL4J has no GRU"), gru.toString());
    }

    @Test
    void rejectsAnUnknownOverrideBeforeTiming() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = RecurrentBenchmark.execute(new String[] {"--set", "model.no_such_key=1"},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(2, status);
        assertTrue(err.toString().contains("model.no_such_key"), err.toString());
        assertEquals("", out.toString());
    }

    private static void assertMeasured(JsonObject o) {
        String name = o.get("case").getAsString();
        assertTrue(o.get("available").getAsBoolean(), o.toString());
        assertTrue(o.get("train_tokens_per_s").getAsDouble() > 0, name);
        assertTrue(o.get("infer_tokens_per_s").getAsDouble() > 0, name);
        assertEquals(10, o.get("tokens_per_batch").getAsLong(), name);
    }
}
