/**
 * JMH benchmarks: one class per library ({@code HallmarkBench}, {@code FloorBench} for the raw JCA cost,
 * {@code NimbusBench}, {@code JjwtBench}, {@code Auth0Bench}, {@code Jose4jBench}), each with the same method names
 * so results line up by operation. {@link dev.hallmark.bench.Fixtures} makes the one token set everyone verifies.
 */
package dev.hallmark.bench;
