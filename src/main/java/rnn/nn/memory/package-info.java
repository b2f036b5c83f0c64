/**
 * Memory and products below the layers: direct OpenBLAS calls on arrays addressed in place, float
 * views of ND4J buffers, the time-major sequence layout, parameter views and reusable scratch arrays.
 */
package rnn.nn.memory;
