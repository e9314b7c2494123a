package io.veltrix.scenarios.run;

import io.veltrix.scenarios.results.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * One strategy's Flight Recorder recording: started right after the warm-up boundary's snapshot (after the engine is
 * built, so its events are registered), stopped after the engine's drain (so the engine's last round of periodic
 * events is in it), and written to {@code <strategy>.jfr}.
 *
 * <p>Flight Recorder writes the recording itself, when it stops, to a hidden temporary file next to the target,
 * which is then moved into place atomically. Because the recording also asks to be written on exit, a Ctrl-C still
 * leaves a file: Flight Recorder's own shutdown hook stops and writes it while the run winds down.
 */
final class JfrRecording {
    /** The engine's periodic events, recorded every second. */
    static final List<String> PERIODIC_EVENTS =
            List.of("io.veltrix.QueueSnapshot", "io.veltrix.LatencyInterval", "io.veltrix.DeadLetterSummary");

    /** The engine's events emitted when something changes. */
    static final List<String> CHANGE_EVENTS =
            List.of("io.veltrix.CapacityChange", "io.veltrix.CircuitBreakerTransition");

    private static final long STOP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Recording recording;
    private final Path temporary;

    private JfrRecording(Recording recording, Path temporary) {
        this.recording = recording;
        this.temporary = temporary;
    }

    /**
     * Starts and discards a short recording, so that Flight Recorder's one-time start-up (its threads, its disk
     * repository) happens before the first strategy runs, not in the middle of its measurements.
     */
    static void initialise(JfrSettings settings) {
        if (settings.enabled() && FlightRecorder.isAvailable()) {
            try (Recording warmUp = new Recording(settings.configuration())) {
                warmUp.setToDisk(true);
                warmUp.start();
                warmUp.stop();
            }
        }
    }

    /**
     * Starts a recording named after the strategy, or returns null when Flight Recorder is off or not available.
     *
     * @param target where the recording goes once stopped
     */
    static JfrRecording start(JfrSettings settings, String strategy, Path target) throws IOException {
        if (!settings.enabled() || !FlightRecorder.isAvailable()) {
            return null;
        }
        Path temporary = AtomicFiles.temporaryFor(target);
        Recording recording = new Recording(settings.configuration());
        recording.setName("veltrix-" + strategy);
        for (String event : PERIODIC_EVENTS) {
            recording.enable(event).withPeriod(Duration.ofSeconds(1));
        }
        for (String event : CHANGE_EVENTS) {
            recording.enable(event);
        }
        recording.setToDisk(true);
        recording.setDestination(temporary);
        recording.setDumpOnExit(true);
        recording.start();
        return new JfrRecording(recording, temporary);
    }

    /**
     * Stops the recording (unless Flight Recorder's shutdown hook already did), waits until it is written, and moves
     * the file over {@code target} atomically.
     *
     * @throws IOException when no complete file was written, or it cannot be moved
     */
    void stopAndMove(Path target) throws IOException {
        try {
            try {
                if (recording.getState() == RecordingState.RUNNING) {
                    recording.stop();
                }
            } catch (IllegalStateException e) {
                // Stopped meanwhile by Flight Recorder's shutdown hook (Ctrl-C), which writes it too.
            }
            long deadline = System.nanoTime() + STOP_WAIT_NANOS;
            while (recording.getState() == RecordingState.RUNNING || recording.getState() == RecordingState.DELAYED) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("the recording did not stop within 10 s");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            if (!Files.isRegularFile(temporary) || Files.size(temporary) == 0) {
                throw new IOException("Flight Recorder wrote nothing (was the JVM shutting down?)");
            }
            AtomicFiles.publish(temporary, target);
        } finally {
            recording.close();
            Files.deleteIfExists(temporary);
        }
    }

    /** Stops and discards the recording (a failed run, or no output directory). */
    void discard() {
        try {
            recording.setDestination(null);
        } catch (IOException | IllegalStateException e) {
            // Already stopped (and written) by Flight Recorder's shutdown hook: the file is deleted below.
        }
        recording.close();
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // Nothing useful to do: the run's result does not depend on it.
        }
    }
}
