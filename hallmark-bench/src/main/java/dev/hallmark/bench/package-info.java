/**
 * JMH benchmarks: one class per library ({@code HallmarkBench}, {@code FloorBench} for the raw JCA cost,
 * {@code NimbusBench}, {@code JjwtBench}, {@code Auth0Bench}, {@code Jose4jBench}), each with the same method names
 * so results line up by operation. {@link dev.hallmark.bench.Fixtures} makes the one token set everyone verifies;
 * {@code JweFixtures}, {@code JwksFixtures} and {@code LargeClaimsFixtures} make the encrypted tokens, the 20-key JWK
 * Set and the 4 KB claims token; {@code JweFloor} is the raw JCA work of decryption. Hallmark variants:
 * {@code HallmarkBcBench} (hallmark-bc engine), {@code VerifiedTokenCacheBench}, {@code HallmarkStagesBench}.
 * Must not know: anything of Hallmark's internals (benchmarks use the public API only, like a user).
 */
package dev.hallmark.bench;
