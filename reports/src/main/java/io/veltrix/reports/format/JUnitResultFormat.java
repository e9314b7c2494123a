package io.veltrix.reports.format;

import io.veltrix.reports.slo.SloStatus;
import io.veltrix.reports.slo.SloVerdict;
import io.veltrix.scenarios.results.AtomicFiles;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.EnvironmentInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code junit.xml}: the SLO verdicts as a JUnit report in Maven Surefire's schema ({@code surefire-test-report.xsd}),
 * which CI servers and test-report actions read. One test suite per bench ({@code veltrix.<scenario>}); one test
 * case per SLO per strategy, named by the expression, in class {@code veltrix.<scenario>.<strategy>}. A failed SLO
 * is a {@code <failure>} with the measured value, "no data" an {@code <error>}, a strategy not run a
 * {@code <skipped>}. The suite's properties say what ran where.
 */
public final class JUnitResultFormat implements ResultFormat {
    /** The schema the file declares. */
    static final String SCHEMA_LOCATION =
            "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report-3.0.xsd";

    @Override
    public ResultFormatType type() {
        return ResultFormatType.JUNIT;
    }

    @Override
    public List<Path> write(RunReport report, Path directory) throws IOException {
        Path file = directory.resolve(ResultFormatType.JUNIT.files().get(0));
        AtomicFiles.write(file, render(report).getBytes(StandardCharsets.UTF_8));
        return List.of(file);
    }

    /** The XML text. */
    public String render(RunReport report) {
        BenchResults results = report.results();
        List<SloVerdict> verdicts = report.slo().verdicts();
        long failures = report.slo().count(SloStatus.FAIL);
        long errors = report.slo().count(SloStatus.NO_DATA);
        long skipped = report.slo().count(SloStatus.SKIPPED);
        String suite = "veltrix." + results.scenario().name();
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                .append(" xsi:noNamespaceSchemaLocation=\"")
                .append(SCHEMA_LOCATION)
                .append('"')
                .append(" version=\"3.0\"")
                .append(attribute("name", suite))
                .append(attribute("time", seconds(runSeconds(results))))
                .append(attribute("tests", Integer.toString(verdicts.size())))
                .append(attribute("errors", Long.toString(errors)))
                .append(attribute("skipped", Long.toString(skipped)))
                .append(attribute("failures", Long.toString(failures)))
                .append(">\n");
        x.append("  <properties>\n");
        for (Map.Entry<String, String> p : properties(results).entrySet()) {
            x.append("    <property")
                    .append(attribute("name", p.getKey()))
                    .append(attribute("value", p.getValue()))
                    .append("/>\n");
        }
        x.append("  </properties>\n");
        for (SloVerdict v : verdicts) {
            String strategy = v.strategy() == null ? "none" : v.strategy();
            x.append("  <testcase")
                    .append(attribute("name", v.slo().expression()))
                    .append(attribute("classname", suite + "." + strategy))
                    .append(attribute("time", "0"));
            switch (v.status()) {
                case PASS:
                    x.append("/>\n");
                    break;
                case SKIPPED:
                    x.append(">\n    <skipped")
                            .append(attribute("message", v.message()))
                            .append("/>\n");
                    x.append("  </testcase>\n");
                    break;
                default:
                    String element = v.status() == SloStatus.FAIL ? "failure" : "error";
                    x.append(">\n    <")
                            .append(element)
                            .append(attribute("message", v.message()))
                            .append(attribute("type", v.status() == SloStatus.FAIL ? "SloFailed" : "SloNoData"))
                            .append('>')
                            .append(text(details(v)))
                            .append("</")
                            .append(element)
                            .append(">\n");
                    x.append("  </testcase>\n");
            }
        }
        x.append("</testsuite>\n");
        return x.toString();
    }

    private static String details(SloVerdict v) {
        StringBuilder s = new StringBuilder();
        s.append("SLO: ").append(v.slo().expression()).append('\n');
        s.append("strategy: ").append(v.strategy()).append('\n');
        s.append("scope: ").append(v.scope()).append('\n');
        s.append("measured: ")
                .append(v.measuredText() == null ? "no data" : v.measuredText())
                .append('\n');
        s.append("threshold: ").append(v.thresholdText()).append('\n');
        if (v.windows() != null) {
            s.append(String.format(
                    Locale.ROOT,
                    "windows: %d failed of %d; worst %.1fs-%.1fs of the run%n",
                    v.windows().failed(),
                    v.windows().count(),
                    v.windows().worstStart(),
                    v.windows().worstEnd()));
        }
        s.append(v.message());
        return s.toString().replace(System.lineSeparator(), "\n");
    }

    private static Map<String, String> properties(BenchResults results) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("veltrix.scenario", results.scenario().name());
        p.put("veltrix.seed", Long.toString(results.scenario().seed()));
        p.put("veltrix.load", results.scenario().load());
        p.put("veltrix.duration", seconds(results.scenario().durationSeconds()) + "s");
        p.put("veltrix.warmup", seconds(results.scenario().warmupSeconds()) + "s");
        p.put(
                "veltrix.strategies",
                String.join(
                        ",", results.strategies().stream().map(s -> s.name()).toList()));
        p.put("veltrix.partial", Boolean.toString(results.partial()));
        EnvironmentInfo env = results.environment();
        if (env != null) {
            p.put("java.vendor", env.jdkVendor());
            p.put("java.version", env.jdkVersion());
            p.put("os.name", env.os());
            p.put("os.arch", env.arch());
            p.put("cpus", Integer.toString(env.cpus()));
            if (env.veltrixVersion() != null) {
                p.put("veltrix.version", env.veltrixVersion());
            }
            if (env.gitCommit() != null) {
                p.put("git.commit", env.gitCommit());
            }
        }
        p.values().removeIf(v -> v == null);
        return p;
    }

    private static double runSeconds(BenchResults results) {
        try {
            Duration d = Duration.between(Instant.parse(results.startedAt()), Instant.parse(results.endedAt()));
            return Math.max(0, d.toMillis() / 1000.0);
        } catch (DateTimeParseException | NullPointerException e) {
            return 0;
        }
    }

    /** Seconds as Surefire writes them: up to three decimals, no exponent. */
    private static String seconds(double seconds) {
        String s = String.format(Locale.ROOT, "%.3f", seconds);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String attribute(String name, String value) {
        return " " + name + "=\"" + escape(value, true) + "\"";
    }

    private static String text(String value) {
        return escape(value, false);
    }

    /** XML escaping; characters XML 1.0 cannot hold at all become U+FFFD. */
    static String escape(String value, boolean attribute) {
        StringBuilder s = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&':
                    s.append("&amp;");
                    break;
                case '<':
                    s.append("&lt;");
                    break;
                case '>':
                    s.append("&gt;");
                    break;
                case '"':
                    s.append(attribute ? "&quot;" : "\"");
                    break;
                case '\n':
                    s.append(attribute ? "&#10;" : "\n");
                    break;
                case '\t':
                    s.append(attribute ? "&#9;" : "\t");
                    break;
                case '\r':
                    s.append("&#13;");
                    break;
                default:
                    s.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
            }
        }
        return s.toString();
    }
}
