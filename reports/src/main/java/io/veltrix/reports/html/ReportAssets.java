package io.veltrix.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What every report inlines: Apache ECharts from its WebJar on the classpath, and the page's own style and scripts
 * from this package's resources. Read once, then shared.
 *
 * @param echarts {@code echarts.min.js}
 * @param css the page's style
 * @param statusScript the first script of the page: collects errors and reports whether every chart drew
 * @param reportScript turns the chart data into ECharts options and draws them, in the reader's colour scheme
 */
record ReportAssets(String echarts, String css, String statusScript, String reportScript) {

    /** The ECharts version the parent POM pins. */
    static final String ECHARTS_VERSION = "5.3.1";

    static final String ECHARTS_RESOURCE =
            "META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.min.js";

    private static volatile ReportAssets loaded;

    /** The assets, read from the classpath on first use. */
    static ReportAssets get() {
        ReportAssets a = loaded;
        if (a == null) {
            a = new ReportAssets(
                    scriptSafe(read(
                            ECHARTS_RESOURCE,
                            "is the org.webjars.npm:echarts:" + ECHARTS_VERSION + " WebJar on the classpath?")),
                    read("io/veltrix/reports/html/report.css", null),
                    scriptSafe(read("io/veltrix/reports/html/status.js", null)),
                    scriptSafe(read("io/veltrix/reports/html/report.js", null)));
            loaded = a;
        }
        return a;
    }

    private static String read(String resource, String hint) {
        try (InputStream in = ReportAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "resource " + resource + " not found" + (hint == null ? "" : ": " + hint));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }

    /** A script inlined as is must not contain what would end or confuse its {@code <script>} element. */
    private static String scriptSafe(String script) {
        String lower = script.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--") || lower.contains("<script")) {
            throw new IllegalStateException("a script to inline contains </script, <script or <!--");
        }
        return script;
    }
}
