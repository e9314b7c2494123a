package io.veltrix.scenarios.run;

import io.veltrix.scenarios.results.EnvironmentInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Describes the machine and JVM a bench runs on. */
final class EnvironmentProbe {
    private EnvironmentProbe() {}

    /**
     * @param directory where to ask git for the commit (the scenario file's directory)
     * @param veltrixVersion the version to record, or null when unknown
     */
    static EnvironmentInfo probe(Path directory, String veltrixVersion) {
        return new EnvironmentInfo(
                System.getProperty("java.vendor"),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                hostname(),
                veltrixVersion,
                gitCommit(directory));
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? null : env;
        }
    }

    /** {@code git rev-parse HEAD} in {@code directory}, or null when git is missing or it is not a work tree. */
    static String gitCommit(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return null;
        }
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            git.getOutputStream().close();
            String out;
            try (InputStream in = git.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            return git.exitValue() == 0 && out.matches("[0-9a-f]{40,64}") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
