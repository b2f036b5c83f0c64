package rnn.bundle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Old class names stored in saved networks map to classes that exist; the frozen bundles check the loading itself. */
class NetworkFileTest {
    @Test
    void everyRenamedClassExists() {
        for (String current : NetworkFile.RENAMED.values()) {
            assertDoesNotThrow(() -> Class.forName(current), current);
        }
    }

    @Test
    void oldNamesAreRewrittenWhereTheyStandAsValues() {
        String json = "{\"@class\" : \"rnn.nn.FusedLstm\", \"name\" : \"rnn.nn.FusedLstmX\"}";
        assertEquals("{\"@class\" : \"rnn.nn.recurrent.FusedLstm\", \"name\" : \"rnn.nn.FusedLstmX\"}",
                NetworkFile.currentNames(json));
        for (Map.Entry<String, String> e : NetworkFile.RENAMED.entrySet()) {
            assertEquals('"' + e.getValue() + '"', NetworkFile.currentNames('"' + e.getKey() + '"'));
        }
    }
}
