package io.veltrix.reports.slo;

/**
 * What the JVM did during one strategy's measured part, from its Flight Recorder recording. Each figure is null
 * when it was not measured.
 *
 * @param allocatedBytesPerEvent bytes allocated per completed event
 * @param allocatedBytesPerSecond bytes allocated per second
 * @param gcPauseMaxNanos the longest garbage-collection pause (ns)
 */
public record JvmFigures(Double allocatedBytesPerEvent, Double allocatedBytesPerSecond, Long gcPauseMaxNanos) {}
