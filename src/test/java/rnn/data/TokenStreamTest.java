package rnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

class TokenStreamTest {
    @Test
    void rowsReadConsecutivePartsAndLabelsAreTheNextTokens() {
        TokenStream stream = new TokenStream(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, "ten");
        assertEquals(4, stream.rowLength(2));   // (10 - 1) / 2: the last token is only ever a label
        DataSet rows = stream.asRows(2);
        assertArrayEquals(new long[] {2, 1, 4}, rows.getFeatures().shape());
        assertArrayEquals(new float[] {0, 1, 2, 3}, row(rows.getFeatures(), 0));
        assertArrayEquals(new float[] {4, 5, 6, 7}, row(rows.getFeatures(), 1));
        assertArrayEquals(new float[] {1, 2, 3, 4}, row(rows.getLabels(), 0));
        assertArrayEquals(new float[] {5, 6, 7, 8}, row(rows.getLabels(), 1));
    }

    private static float[] row(INDArray rows, int r) {
        return rows.reshape(rows.size(0), rows.size(2)).getRow(r).toFloatVector();
    }

    @Test
    void tooShortForTheRowsIsAnErrorNamingTheSource() {
        DataException e = assertThrows(DataException.class, () -> new TokenStream(new int[] {1, 2, 3}, "t.txt").asRows(4));
        assertEquals("t.txt: 3 tokens are too few for 4 rows (training.batch_size); need at least 5", e.getMessage());
    }
}
