/**
 * The HTML report of a run: {@link io.veltrix.reports.html.HtmlReportWriter} writes one self-contained {@code
 * report.html} from a {@code BenchResults}, the {@code .hlog} files beside it, and optional {@link
 * io.veltrix.reports.html.SloVerdict}s and {@link io.veltrix.reports.html.JfrSummary}s. Charts are Apache ECharts,
 * inlined from its WebJar; see {@code docs/report.md}.
 */
package io.veltrix.reports.html;
