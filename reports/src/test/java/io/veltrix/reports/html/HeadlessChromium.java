package io.veltrix.reports.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the system's Chromium headless on a local file, with no extra Java dependency: {@code --dump-dom} for the DOM
 * after the page's scripts ran, {@code --screenshot} for a PNG. Virtual time lets timers and rendering finish without
 * waiting for them in real time.
 */
final class HeadlessChromium {
    /** Where Debian's {@code chromium} package installs it. */
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final long TIMEOUT_SECONDS = 180;

    /** What one run of Chromium printed. */
    record Run(String stdout, String stderr) {}

    private HeadlessChromium() {}

    static boolean isInstalled() {
        return Files.isExecutable(CHROMIUM);
    }

    /** The page's DOM once its scripts ran, serialised. */
    static Run dumpDom(Path page, Path work, String... extraFlags) throws IOException, InterruptedException {
        List<String> flags = new ArrayList<>(List.of(extraFlags));
        flags.add("--dump-dom");
        return run(page, work, flags);
    }

    /** Writes a screenshot of the page's first {@code width x height} pixels to {@code png}. */
    static Run screenshot(Path page, Path work, Path png, int width, int height, String... extraFlags)
            throws IOException, InterruptedException {
        List<String> flags = new ArrayList<>(List.of(extraFlags));
        flags.add("--window-size=" + width + "," + height);
        flags.add("--hide-scrollbars");
        flags.add("--screenshot=" + png.toAbsolutePath());
        return run(page, work, flags);
    }

    private static Run run(Path page, Path work, List<String> flags) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        Path out = work.resolve(profile.getFileName() + ".out");
        Path err = work.resolve(profile.getFileName() + ".err");
        List<String> command = new ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox", // CI containers run as root, where the sandbox cannot start
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--no-first-run",
                "--no-default-browser-check",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--enable-logging=stderr",
                "--v=0",
                "--virtual-time-budget=15000"));
        command.addAll(flags);
        command.add(page.toAbsolutePath().toUri().toString());
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s: "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("Chromium exited with " + process.exitValue() + ": " + stderr);
        }
        return new Run(Files.readString(out, StandardCharsets.UTF_8), stderr);
    }
}
