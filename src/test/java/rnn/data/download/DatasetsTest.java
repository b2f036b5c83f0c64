package rnn.data.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;
import rnn.util.UserException;

/** The {@link Datasets} registry. */
class DatasetsTest {
    @Test
    void knowsImdb() {
        assertEquals(new DatasetFile("imdb",
                URI.create("https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz"),
                "7c2ac02c03563afcf9b574c7e56c153a", "aclImdb_v1.tar.gz"), Datasets.get("imdb"));
        assertEquals(Datasets.get("imdb"), Datasets.all().get("imdb"));
    }

    @Test
    void unknownNameListsKnownOnes() {
        UserException e = assertThrows(UserException.class, () -> Datasets.get("mnist"));
        assertEquals("unknown dataset 'mnist' (known: imdb)", e.getMessage());
    }
}
