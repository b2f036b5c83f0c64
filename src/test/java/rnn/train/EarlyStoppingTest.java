package rnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import rnn.config.Metric;

class EarlyStoppingTest {
    @Test
    void stopsAfterPatienceEpochsWithoutImprovement() {
        EarlyStopping s = new EarlyStopping(Metric.ACCURACY, 2);
        assertTrue(s.update(1, 0.80));
        assertTrue(s.update(2, 0.85));
        assertFalse(s.update(3, 0.85));
        assertFalse(s.shouldStop());
        assertFalse(s.update(4, 0.84));
        assertTrue(s.shouldStop());
        assertEquals(2, s.state().bestEpoch());
    }

    @Test
    void lossImprovesDownwards() {
        EarlyStopping s = new EarlyStopping(Metric.LOSS, 1);
        assertTrue(s.update(1, 0.5));
        assertTrue(s.update(2, 0.4));
        assertFalse(s.update(3, 0.45));
        assertTrue(s.shouldStop());
    }

    @Test
    void restoredStateContinuesTheCount() {
        EarlyStopping first = new EarlyStopping(Metric.ACCURACY, 2);
        first.update(1, 0.9);
        first.update(2, 0.8);
        EarlyStopping resumed = new EarlyStopping(Metric.ACCURACY, 2, first.state());
        resumed.update(3, 0.85);
        assertTrue(resumed.shouldStop());
        assertEquals(1, resumed.state().bestEpoch());
    }
}
