package io.veltrix.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens generated reports in headless Chromium and reads back what the page's status script wrote into {@code
 * #report-status}: how many charts drew (a canvas of non-zero size with inked pixels), the errors the page met
 * (script errors, {@code console.error}, failed or blocked loads) and the resources it requested. Skipped only where
 * Chromium is missing and {@code CI} is not set: on CI a missing Chromium fails.
 */
class ReportInBrowserTest {
    private static final Pattern STATUS = Pattern.compile("<div id=\"report-status\"([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(data-[a-z-]+)=\"([^\"]*)\"");

    @TempDir
    static Path dir;

    private static Path report;
    private static int charts;

    @BeforeAll
    static void writeReport() throws IOException {
        if (!HeadlessChromium.isInstalled()) {
            if (System.getenv("CI") != null) {
                fail(HeadlessChromium.CHROMIUM + " is missing: CI must install Chromium (apt-get install chromium)"
                        + " to test the HTML report in a browser");
            }
            assumeTrue(false, HeadlessChromium.CHROMIUM + " is missing (and CI is not set): browser tests skipped");
        }
        HlogFiles.writeUniform(dir.resolve("naive.hlog"), 10_000, 1_000);
        report = dir.resolve("report.html");
        ReportInputs inputs = new ReportInputs(dir, SampleResults.slos(), SampleResults.jfr());
        new HtmlReportWriter().write(SampleResults.seedStory(), inputs, report);
        charts = count(Files.readString(report), "<div class=\"chart\"");
    }

    /** The data- attributes of the page's status element after its scripts ran. */
    private static Map<String, String> status(HeadlessChromium.Run run) {
        Matcher m = STATUS.matcher(run.stdout());
        assertThat(m.find())
                .as("#report-status in the DOM; Chromium said: %s", run.stderr())
                .isTrue();
        Map<String, String> attributes = new HashMap<>();
        Matcher a = ATTRIBUTE.matcher(m.group(1));
        while (a.find()) {
            attributes.put(a.group(1), a.group(2).replace("&quot;", "\"").replace("&amp;", "&"));
        }
        return attributes;
    }

    /** Chromium logs every console message of the page as {@code INFO:CONSOLE}; the report writes none. */
    private static void assertNoConsoleMessages(HeadlessChromium.Run run) {
        assertThat(run.stderr().lines().filter(l -> l.contains(":CONSOLE")))
                .as("console messages")
                .isEmpty();
    }

    @Test
    void shouldDrawEveryChartWithoutAnyErrorOrRequest() throws Exception {
        HeadlessChromium.Run run = HeadlessChromium.dumpDom(report, dir, "--window-size=1280,2400");

        Map<String, String> status = status(run);
        // percentiles, 3 over time, 3 strategies' queues, retries, 3 JFR totals, 3 JFR over time, 2 flame graphs
        assertThat(charts).isEqualTo(16);
        assertThat(status)
                .containsEntry("data-done", "true")
                .containsEntry("data-charts-expected", String.valueOf(charts))
                .containsEntry("data-charts-ok", String.valueOf(charts))
                .containsEntry("data-charts-failed", "")
                .containsEntry("data-errors", "[]")
                .containsEntry("data-resources", "0")
                .containsEntry("data-theme", "light")
                .containsEntry("data-viewport-width", "1280")
                .containsEntry("data-overflow-x", "false");
        assertNoConsoleMessages(run);
        // The YAML's </script> stayed text: the page's own content is all there after it.
        assertThat(run.stdout()).contains("&lt;/script&gt;&lt;script&gt;alert('escaped?')&lt;/script&gt;");
    }

    /**
     * A phone's viewport: headless Chromium keeps its window at least 500 px wide, so the report is opened in a frame
     * 360 px wide, and the frame's status is copied out for {@code --dump-dom} (which only serialises the top page).
     */
    private static final String PHONE = """
            <!DOCTYPE html><html><body style="margin:0">
            <iframe id="phone" src="report.html" style="width:360px;height:2400px;border:0"></iframe>
            <script>
            function copyStatus() {
              var status = document.getElementById('phone').contentDocument.getElementById('report-status');
              if (!status || status.getAttribute('data-done') !== 'true') {
                setTimeout(copyStatus, 100);
                return;
              }
              var copy = document.createElement('div');
              for (var i = 0; i < status.attributes.length; i++) {
                copy.setAttribute(status.attributes[i].name, status.attributes[i].value);
              }
              document.body.appendChild(copy);
            }
            window.onload = copyStatus;
            </script></body></html>
            """;

    @Test
    void shouldDrawInDarkModeOnAPhonesWidthWithoutScrollingSideways() throws Exception {
        Path phone = Files.writeString(dir.resolve("phone.html"), PHONE);

        HeadlessChromium.Run run = HeadlessChromium.dumpDom(
                phone, dir, "--force-dark-mode", "--allow-file-access-from-files", "--window-size=500,1000");

        Map<String, String> status = status(run);
        assertThat(status)
                .containsEntry("data-viewport-width", "360")
                .containsEntry("data-theme", "dark")
                .containsEntry("data-charts-ok", String.valueOf(charts))
                .containsEntry("data-errors", "[]")
                .containsEntry("data-overflow-x", "false");
        assertNoConsoleMessages(run);
    }

    @Test
    void shouldNoticeARequestLeavingThePage() throws Exception {
        // The same report with one image from the network: the page's policy blocks it and the status reports it,
        // which is what makes an empty error list above mean something.
        String html = Files.readString(report).replace("</main>", "<img src=\"http://127.0.0.1:9/leak.png\"></main>");
        Path leaking = dir.resolve("leaking.html");
        Files.writeString(leaking, html);

        Map<String, String> status = status(HeadlessChromium.dumpDom(leaking, dir));

        assertThat(status.get("data-errors"))
                .contains("blocked by the page's content security policy: http://127.0.0.1:9/leak.png");
        assertThat(status).containsEntry("data-charts-ok", String.valueOf(charts));
    }

    @Test
    void shouldTakeAScreenshotOfARenderedReport() throws Exception {
        Path png = Path.of("target", "report-screenshot.png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);

        HeadlessChromium.screenshot(report, dir, png, 1280, 2400);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(2400);
        // A drawn page has many colours (text, table, chart lines); a blank or failed one a handful.
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).isGreaterThan(200);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
