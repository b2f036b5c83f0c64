package rnn.nn.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TimeMajorTest {
    @ParameterizedTest
    @ValueSource(chars = {'c', 'f'})
    void copiesEveryElementToItsTimeMajorPlaceAndBack(char order) {
        INDArray ncw = Nd4j.rand(DataType.FLOAT, 3, 4, 5).dup(order);   // [batch, features, time]
        INDArray timeMajor = Nd4j.create(DataType.FLOAT, new long[] {15, 4}, 'c');
        TimeMajor.fromNcw(ncw, timeMajor);
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < 4; j++) {
                for (int t = 0; t < 5; t++) {
                    assertEquals(ncw.getFloat(r, j, t), timeMajor.getFloat(t * 3 + r, j));
                }
            }
        }
        INDArray back = Nd4j.create(DataType.FLOAT, new long[] {3, 4, 5}, 'f');
        TimeMajor.toNcw(timeMajor, back);
        assertEquals(ncw, back);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aTimeMajorSequenceIsReadAsItsMatrixWithoutACopy(int batch) {
        INDArray rows = Nd4j.rand(DataType.FLOAT, 5, batch, 4);   // [time, batch, features], row-major
        INDArray ncw = TimeMajor.ncwView(rows);
        assertEquals(List.of((long) batch, 4L, 5L), Arrays.stream(ncw.shape()).boxed().toList());
        assertTrue(TimeMajor.isTimeMajor(ncw));
        assertEquals(batch == 1, TimeMajor.isTimeMajor(ncw.dup('f')));   // one sequence: the same memory
        assertFalse(TimeMajor.isTimeMajor(ncw.dup('c')));
        for (int r = 0; r < batch; r++) {
            for (int t = 0; t < 5; t++) {
                assertEquals(rows.getFloat(t, r, 2), ncw.getFloat(r, 2, t));
            }
        }
        INDArray matrix = TimeMajor.matrixView(ncw);
        assertEquals(rows.reshape(5L * batch, 4), matrix);
        matrix.putScalar(0, 0, 42f);   // the same memory
        assertEquals(42f, ncw.getFloat(0, 0, 0));

        INDArray copy = Nd4j.create(DataType.FLOAT, new long[] {5L * batch, 4}, 'c');
        TimeMajor.fromNcw(ncw, copy);
        assertEquals(matrix, copy);
        INDArray denseF = TimeMajor.denseF(ncw);
        assertTrue(TimeMajor.isDenseF(denseF), denseF.shapeInfoToString() + " view " + denseF.isView());
        assertEquals(ncw.dup('f'), denseF);
        INDArray written = TimeMajor.ncwView(Nd4j.create(DataType.FLOAT, 5, batch, 4));
        TimeMajor.toNcw(copy, written);
        assertEquals(ncw, written);
    }

    @Test
    void aColumnMajorMatrixIsWrittenIntoATimeMajorSequenceByItsValuesNotItsMemory() {
        INDArray rows = Nd4j.rand(DataType.FLOAT, 6, 4).dup('f');   // [time x batch, features], column-major
        INDArray sequence = TimeMajor.ncwView(Nd4j.create(DataType.FLOAT, 3, 2, 4));
        TimeMajor.toNcw(rows, sequence);
        assertEquals(rows.dup('c'), TimeMajor.matrixView(sequence));
        INDArray back = Nd4j.create(DataType.FLOAT, new long[] {6, 4}, 'f');
        TimeMajor.fromNcw(sequence, back);
        assertEquals(rows, back);
    }
}
