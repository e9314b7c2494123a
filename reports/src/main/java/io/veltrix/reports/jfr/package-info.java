/**
 * Analysis of JDK Flight Recorder recordings from any JDK 17+ application, in one streaming pass with bounded
 * memory (two side by side for files made largely of allocation samples, which veltrix decodes itself:
 * {@link io.veltrix.reports.jfr.AllocationSampleReader}).
 *
 * <p>{@link io.veltrix.reports.jfr.JfrAnalyzer} checks each file's chunk headers, streams the events of the types
 * its {@link io.veltrix.reports.jfr.EventAggregator}s subscribed to, and collects one
 * {@link io.veltrix.reports.jfr.ReportSection} per aggregator into a {@link io.veltrix.reports.jfr.JfrAnalysis}.
 * Formats in {@code format} turn an analysis into text or JSON. A new kind of event (e.g. the engine's
 * {@code io.veltrix.LatencyInterval}) is one more aggregator: {@code JfrAnalyzer.standard().with(MyAggregator::new)}.
 * See docs/jfr.md for what each figure means and how it is computed.
 */
package io.veltrix.reports.jfr;
