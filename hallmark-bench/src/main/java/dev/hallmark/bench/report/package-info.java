/** Turns JMH's JSON results into the Markdown tables of {@code docs/benchmarks.md}. */
package dev.hallmark.bench.report;
