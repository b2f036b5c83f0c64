package rnn.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
