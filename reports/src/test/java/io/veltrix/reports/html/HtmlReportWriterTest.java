package io.veltrix.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.MergedInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportWriterTest {
    private static final Pattern EXTERNAL = Pattern.compile(
            "(?i)(?:\\b(?:src|href|action|poster|data)\\s*=\\s*[\"']?\\s*(?:https?:)?//)|(?:url\\(\\s*[\"']?\\s*(?:https?:)?//)|(?:@import)");

    @TempDir
    Path dir;

    private final HtmlReportWriter writer = new HtmlReportWriter();

    private String render(BenchResults results, ReportInputs inputs) {
        return writer.render(results, inputs);
    }

    private String render() {
        return render(SampleResults.seedStory(), ReportInputs.NONE);
    }

    /** The text of each cell of the row whose header cell is {@code name}, in a table with {@code id}. */
    static List<String> row(String html, String tableId, String name) {
        int table = html.indexOf("id=\"" + tableId + "\"");
        assertThat(table).as("table " + tableId).isPositive();
        String body = html.substring(table, html.indexOf("</table>", table));
        Matcher m = Pattern.compile("<tr[^>]*><th scope=\"row\">" + Pattern.quote(name) + "</th>(.*?)</tr>")
                .matcher(body);
        assertThat(m.find()).as("row " + name + " of " + tableId).isTrue();
        List<String> cells = new ArrayList<>();
        Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(m.group(1));
        while (cell.find()) {
            cells.add(cell.group(1).replaceAll("<[^>]+>", "").strip());
        }
        return cells;
    }

    static JsonNode chart(String html, String id) throws IOException {
        String start = "<script type=\"application/json\" id=\"report-charts\">";
        int from = html.indexOf(start) + start.length();
        String json = html.substring(from, html.indexOf("</script>", from));
        for (JsonNode c : ChartSpec.JSON.readTree(json)) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no chart " + id);
    }

    @Test
    void shouldWriteOneFileThatLoadsNothingFromOutside() throws IOException {
        Path out = dir.resolve("report.html");
        writer.write(SampleResults.seedStory(), out);

        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(Files.list(dir)).containsExactly(out);
        assertThat(EXTERNAL.matcher(html).find())
                .as("an external URL in src=, href=, url() or @import")
                .isFalse();
        assertThat(html)
                .contains("Content-Security-Policy\" content=\"default-src 'none'")
                .contains("Licensed to the Apache Software Foundation") // ECharts, inlined from its WebJar
                .doesNotContain("<link")
                .doesNotContain("<script src");
    }

    @Test
    void shouldPutTheSectionsInTheOrderOfTheReadersQuestions() {
        String html =
                render(SampleResults.seedStory(), new ReportInputs(null, SampleResults.slos(), SampleResults.jfr()));

        List<String> order = List.of(
                "verdict",
                "comparison",
                "latency",
                "over-time",
                "queues",
                "retries",
                "jfr",
                "flame",
                "types",
                "tiers",
                "scenario",
                "environment");
        int previous = -1;
        for (String id : order) {
            int at = html.indexOf("<section id=\"" + id + "\">");
            assertThat(at).as("section " + id).isGreaterThan(previous);
            previous = at;
        }
    }

    @Test
    void shouldNameTheWinnerAndByHowMuch() {
        String html = render();

        assertThat(html)
                .contains("<strong id=\"winner\">tiered</strong> wins")
                .contains("tiered: 1.2x the throughput of naive, p99 14.8x lower, loss 0.35% vs 16.15%")
                .contains("1. tiered, 2. weighted, 3. naive");
    }

    @Test
    void shouldShowSloPassAndFailPerStrategyWhenVerdictsAreGiven() {
        String html = render(SampleResults.seedStory(), new ReportInputs(null, SampleResults.slos(), List.of()));

        String verdict =
                html.substring(html.indexOf("<section id=\"verdict\">"), html.indexOf("<section id=\"comparison\">"));
        assertThat(verdict)
                .contains("<span class=\"chip fail\">naive: SLOs FAIL (1 of 3)</span>")
                .contains("<span class=\"chip pass\">tiered: SLOs PASS (3 of 3)</span>")
                .contains("<code>p99 &lt; 20ms type=payment</code></td><td>145ms</td><td class=\"fail\">FAIL</td>"
                        + "<td>over by 125ms</td>");
        assertThat(render()).doesNotContain("id=\"slos\"");
    }

    @Test
    void shouldMarkTheBestValueOfEachColumnAndTheDistanceOfTheOthers() {
        String html = render();

        // throughput, loss, p50, p90, p99, p99.9, p99.99, max, p99 uncorrected, queue delay, service,
        // retries, dead letters, rejected, evicted
        assertThat(row(html, "comparison", "tiered"))
                .containsExactly(
                        "★ 5,480/s",
                        "★ 0.35%",
                        "★ 310us",
                        "★ 2.40ms",
                        "★ 9.80ms",
                        "★ 31.0ms",
                        "★ 48.0ms",
                        "★ 52.0ms",
                        "★ 4.90ms",
                        "★ 7.35ms",
                        "★ 610us",
                        "1,210 +1,210",
                        "120 +120",
                        "★ 0",
                        "265 +265");
        assertThat(row(html, "comparison", "naive"))
                .containsExactly(
                        "4,612/s −16%",
                        "16.15% +15.80 pp",
                        "2.10ms ×6.8",
                        "12.0ms ×5.0",
                        "145ms ×14.8",
                        "600ms ×19.4",
                        "601ms ×12.5",
                        "601ms ×11.6",
                        "72.5ms ×14.8",
                        "109ms ×14.8",
                        "★ 610us",
                        "★ 0",
                        "★ 0",
                        "17,760 +17,760",
                        "★ 0");
        assertThat(row(html, "comparison", "weighted")).startsWith("5,470/s −0.2%", "0.80% +0.45 pp");
        assertThat(row(html, "comparison", "weighted").get(4)).isEqualTo("22.0ms ×2.2");
        assertThat(html)
                .contains("<p class=\"muted\" id=\"offered\">Offered load (first attempts submitted per second of the"
                        + " measured part): naive 5,500/s, tiered 5,500/s, weighted 5,500/s.</p>");
    }

    @Test
    void shouldDrawTheLatencyDistributionOnANinesAxisFromTheHlog() throws IOException {
        BenchResults results = SampleResults.seedStory();
        // naive.hlog: 10,000 latencies of 1..10,000 us; the tagged (per event type) intervals must be left out.
        HlogFiles.writeUniform(dir.resolve("naive.hlog"), 10_000, 1_000);

        String html = render(results, ReportInputs.of(dir));

        JsonNode series = chart(html, "percentiles").get("series");
        JsonNode naive = series.get(0).get("data");
        assertThat(series.get(0).get("name").asText()).isEqualTo("naive");
        assertThat(valueAt(naive, 10)).isCloseTo(9.0, org.assertj.core.data.Offset.offset(0.01)); // p90 = 9.00ms
        assertThat(valueAt(naive, 100)).isCloseTo(9.9, org.assertj.core.data.Offset.offset(0.02)); // p99 = 9.90ms
        assertThat(naive.size()).isGreaterThan(40);
        assertThat(html)
                .contains("<strong>naive</strong> from naive.hlog (10000 latencies, every measured completion)");
        // tiered has no .hlog here: its five summary percentiles and its maximum, at x = count.
        JsonNode tiered = series.get(1).get("data");
        assertThat(tiered.size()).isEqualTo(6);
        assertThat(tiered.get(2).get(0).asDouble()).isEqualTo(100.0);
        assertThat(tiered.get(2).get(1).asDouble()).isEqualTo(9.8);
        assertThat(tiered.get(5).get(0).asDouble()).isEqualTo(100_000.0);
        assertThat(tiered.get(5).get(1).asDouble()).isEqualTo(52.0);
        assertThat(html)
                .contains("<strong>tiered</strong> from the summary percentiles of results.json (no .hlog found");
    }

    /** The y of the first point at or right of {@code x}. */
    private static double valueAt(JsonNode data, double x) {
        for (JsonNode p : data) {
            if (p.get(0).asDouble() >= x - 1e-9) {
                return p.get(1).asDouble();
            }
        }
        throw new AssertionError("no point at x >= " + x);
    }

    @Test
    void shouldChartThroughputP99DropsQueuesRetriesAndDeadLettersOverTime() throws IOException {
        BenchResults results = SampleResults.seedStory();
        String html = render();

        JsonNode throughput = chart(html, "throughput");
        assertThat(throughput.get("warmup").asDouble()).isEqualTo(3.0);
        JsonNode naiveCompleted = throughput.get("series").get(0);
        assertThat(naiveCompleted.get("name").asText()).isEqualTo("naive completed");
        assertThat(naiveCompleted.get("data")).hasSize(23);
        assertThat(naiveCompleted.get("data").get(5).get(1).asLong())
                .isEqualTo(results.strategy("naive").timeline().get(5).completed());
        JsonNode p99 = chart(html, "p99").get("series").get(1).get("data");
        assertThat(p99.get(5).get(1).asDouble()).isEqualTo(48.0); // tiered, a burst second: 48 ms
        JsonNode drops = chart(html, "drops").get("series").get(0).get("data");
        assertThat(drops.get(5).get(1).asLong())
                .isEqualTo(results.strategy("naive").timeline().get(5).rejected());
        JsonNode queues = chart(html, "queues-1").get("series");
        assertThat(queues.get(0).get("name").asText()).isEqualTo("payment depth");
        assertThat(queues.get(1).get("name").asText()).isEqualTo("payment capacity");
        assertThat(queues.get(1).get("style").asText()).isEqualTo("step");
        assertThat(queues.get(2).get("name").asText()).isEqualTo("payment limit"); // borrows 256 slots
        assertThat(queues.get(1).get("data").get(0).get(1).asInt()).isEqualTo(2048); // a burst doubles 1024
        JsonNode retries = chart(html, "retries").get("series");
        assertThat(retries.get(2).get("name").asText()).isEqualTo("tiered retries");
        assertThat(retries.get(3).get("name").asText()).isEqualTo("tiered dead letters");
        assertThat(retries.get(3).get("data").get(5).get(1).asDouble()).isEqualTo(6.0);
        assertThat(html).contains("<span id=\"downsampling\">none was downsampled in this report</span>");
    }

    @Test
    void shouldShowJfrFiguresAndAFlameGraphPerStrategyWhenGiven() throws IOException {
        String html = render(SampleResults.seedStory(), new ReportInputs(null, List.of(), SampleResults.jfr()));

        assertThat(row(html, "jfr-figures", "naive"))
                .containsExactly(
                        "46.3 MiB/s", "925.1 MiB", "5", "15.5 ms", "4.50 ms", "4.40 ms", "45.0%", "71.0%", "63.0%");
        assertThat(row(html, "jfr-figures", "tiered").get(0)).isEqualTo("11.7 MiB/s");
        String table = html.substring(
                html.indexOf("id=\"jfr-figures\""), html.indexOf("</table>", html.indexOf("id=\"jfr-figures\"")));
        assertThat(table).doesNotContain(">weighted<"); // no figures, no row
        assertThat(chart(html, "jfr-allocation")
                        .get("series")
                        .get(0)
                        .get("data")
                        .toString())
                .isEqualTo("[4.85E7,1.225E7,null]");
        assertThat(chart(html, "jfr-gc").get("series").get(1).get("data").get(1).asDouble())
                .isEqualTo(5.5);
        assertThat(chart(html, "jfr-cpu")
                        .get("series")
                        .get(0)
                        .get("data")
                        .get(1)
                        .asDouble())
                .isEqualTo(55.0);
        assertThat(chart(html, "jfr-gc-time").get("series").get(0).get("data")).hasSize(5);

        JsonNode flame = chart(html, "flame-0");
        assertThat(flame.get("kind").asText()).isEqualTo("flame");
        assertThat(flame.get("total").asLong()).isEqualTo(1191);
        assertThat(flame.get("frames").get(0).toString()).isEqualTo("[0,1191,0,\"all\",1191]");
        assertThat(html)
                .contains("naive: 1,191 samples, 11 frames drawn, 1 frame under 0.1% of the samples hidden.")
                .contains("id=\"chart-flame-1\"")
                .doesNotContain("id=\"chart-flame-2\"");
    }

    @Test
    void shouldSayWhereTheRecordingsAreWhenNoJfrFiguresAreGiven() {
        String html = render();

        assertThat(html)
                .contains("<p class=\"muted\" id=\"jfr-missing\">No Flight Recorder figures were given to this report;"
                        + " the recordings are naive.jfr, tiered.jfr, weighted.jfr.</p>")
                .doesNotContain("<section id=\"flame\">")
                .doesNotContain("id=\"chart-jfr-");
    }

    @Test
    void shouldBreakDownByEventTypeAndByTier() {
        String html = render();
        String types =
                html.substring(html.indexOf("id=\"types\""), html.indexOf("</table>", html.indexOf("id=\"types\"")));

        // analytics under tiered: 44,000 submitted, 265 evicted, p99 4 x 9.8ms
        assertThat(types)
                .contains(
                        "<th scope=\"rowgroup\" rowspan=\"3\">analytics</th><td class=\"text\" rowspan=\"3\">low</td>"
                                + "<td class=\"text\">naive</td><td class=\"text\">shared</td><td>44,000</td><td>36,896</td><td>16.15%</td><td>7,104</td>")
                .contains(
                        "<td class=\"text\">tiered</td><td class=\"text\">analytics</td><td>44,000</td><td>43,735</td><td class=\"best\" title=\"best"
                                + " of this group\">★ 0.60%</td><td>0</td><td>265</td><td>0</td><td>0</td><td>1.000</td>"
                                + "<td>1.24ms</td><td class=\"best\" title=\"best of this group\">★ 39.2ms</td>");
        String tiers =
                html.substring(html.indexOf("id=\"tiers\""), html.indexOf("</table>", html.indexOf("id=\"tiers\"")));
        assertThat(tiers)
                .contains(
                        "<th scope=\"rowgroup\" rowspan=\"3\">critical</th><td class=\"text\" rowspan=\"3\">payment</td><td class=\"text\">naive</td>"
                                + "<td>11,000</td><td>9,224</td><td>16.15%</td>")
                .contains(
                        "<td class=\"text\">tiered</td><td>11,000</td><td>10,880</td><td class=\"best\" title=\"best of this"
                                + " group\">★ 1.09%</td>");
    }

    @Test
    void shouldShowTheScenarioYamlAsTextEvenWhenItContainsAScriptEndTag() {
        String html = render();

        assertThat(html)
                .contains(
                        "<pre id=\"scenario-yaml\"><code># seed story &lt;/script&gt;&lt;script&gt;alert(&#39;escaped?&#39;)"
                                + "&lt;/script&gt; &amp; &quot;quotes&quot;\nname: seed-story\n");
        // The only script elements are the page's own four: status, chart data, ECharts, report.
        assertThat(count(html, "<script")).isEqualTo(4);
        assertThat(count(html, "</script>")).isEqualTo(4);
        assertThat(html).contains("Changed on the command line: --duration 20s.");
    }

    @Test
    void shouldKeepScriptEndTagsOutOfTheChartData() {
        BenchResults results = SampleResults.seedStory();
        String html = render(
                results,
                new ReportInputs(
                        null,
                        List.of(),
                        List.of(new JfrSummary(
                                "naive",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(),
                                List.of(),
                                List.of("main;</script><script>alert(1)</script> 5")))));

        assertThat(count(html, "</script>")).isEqualTo(4);
        assertThat(html).contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)");
    }

    @Test
    void shouldShowTheEnvironment() {
        String html = render();

        assertThat(html)
                .contains("<dt>JDK</dt><dd>Eclipse Adoptium 17.0.12+7 (OpenJDK 64-Bit Server VM)</dd>")
                .contains("<dt>CPUs</dt><dd>8</dd>")
                .contains("<dt>max heap</dt><dd>4.0 GiB</dd>")
                .contains("<dt>OS</dt><dd>Linux 6.8.0 amd64</dd>")
                .contains("<dt>Veltrix</dt><dd>0.1.0-test</dd>")
                .contains("<dt>git commit</dt><dd>0123456789abcdef0123456789abcdef01234567</dd>");
    }

    @Test
    void shouldListTheMergedRunsInTheEnvironment() {
        BenchResults bench = SampleResults.seedStory();
        BenchResults merged = new BenchResults(
                bench.schema(),
                bench.scenario(),
                bench.environment(),
                bench.startedAt(),
                bench.endedAt(),
                false,
                bench.strategies(),
                bench.verdict(),
                List.of(
                        new MergedInput(
                                "node-1/results.json",
                                "node-1",
                                "2026-01-01T00:00:00.250Z",
                                "2026-01-01T00:00:45.250Z",
                                false,
                                42,
                                "poisson 2000/s",
                                bench.environment()),
                        new MergedInput(
                                "/runs/<b>&node-2/results.json",
                                null,
                                "2026-01-01T00:00:00.600Z",
                                "2026-01-01T00:00:30.100Z",
                                true,
                                42,
                                "poisson 2000/s",
                                null)));

        String html = render(merged, ReportInputs.NONE);

        String environment = html.substring(html.indexOf("<section id=\"environment\">"));
        assertThat(environment).contains("<p>Merged by <code>veltrix merge</code> from 2 runs");
        assertThat(row(environment, "merged-from", "1"))
                .containsExactly(
                        "node-1", "node-1/results.json", "2026-01-01T00:00:00.250Z", "2026-01-01T00:00:45.250Z");
        assertThat(row(environment, "merged-from", "2"))
                .containsExactly(
                        "unknown",
                        "/runs/&lt;b&gt;&amp;node-2/results.json",
                        "2026-01-01T00:00:00.600Z",
                        "2026-01-01T00:00:30.100Z (interrupted)");
        assertThat(render(bench, ReportInputs.NONE))
                .doesNotContain("merged-from")
                .doesNotContain("Merged by");
    }

    @Test
    void shouldStayUnderThreeMegabytesForATenMinuteRun() throws IOException {
        Path out = dir.resolve("report.html");
        writer.write(SampleResults.seedStory(600), new ReportInputs(dir, List.of(), SampleResults.jfr()), out);

        assertThat(Files.size(out)).isLessThan(3L << 20);
        String html = Files.readString(out);
        // 603 one-second points per series: over 600, so drawn as 600 at most.
        assertThat(html).contains("downsampled here: throughput, naive completed: 603 points drawn as ");
        assertThat(chart(html, "throughput").get("series").get(0).get("data").size())
                .isLessThanOrEqualTo(600);
    }

    @Test
    void shouldReportAnInterruptedRunAndASingleStrategy() {
        BenchResults full = SampleResults.seedStory();
        BenchResults one = new BenchResults(
                full.schema(),
                full.scenario(),
                full.environment(),
                full.startedAt(),
                full.endedAt(),
                true,
                List.of(full.strategy("tiered")),
                null);

        String html = render(one, ReportInputs.NONE);

        assertThat(html)
                .contains("<p class=\"banner bad\">Interrupted run: these are partial results.</p>")
                .contains("One strategy was run, <strong>tiered</strong>: there is nothing to compare it with.")
                .doesNotContain("class=\"best\" title=\"best of this column\"");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
