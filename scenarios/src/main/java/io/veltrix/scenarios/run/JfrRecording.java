package io.veltrix.scenarios.run;

import io.veltrix.scenarios.results.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/**
 * One strategy's Flight Recorder recording: started at the warm-up boundary (after the engine is built, so its
 * events are registered), stopped after the engine's drain (so the engine's last round of periodic events is in
 * it), and dumped to {@code <strategy>.jfr}.
 */
final class JfrRecording {
    /** The engine's periodic events, recorded every second. */
    static final List<String> PERIODIC_EVENTS =
            List.of("io.veltrix.QueueSnapshot", "io.veltrix.LatencyInterval", "io.veltrix.DeadLetterSummary");

    /** The engine's events emitted when something changes. */
    static final List<String> CHANGE_EVENTS =
            List.of("io.veltrix.CapacityChange", "io.veltrix.CircuitBreakerTransition");

    private final Recording recording;

    private JfrRecording(Recording recording) {
        this.recording = recording;
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

    /** Starts a recording named after the strategy, or returns null when Flight Recorder is not available. */
    static JfrRecording start(JfrSettings settings, String strategy) {
        if (!settings.enabled() || !FlightRecorder.isAvailable()) {
            return null;
        }
        Recording recording = new Recording(settings.configuration());
        recording.setName("veltrix-" + strategy);
        for (String event : PERIODIC_EVENTS) {
            recording.enable(event).withPeriod(Duration.ofSeconds(1));
        }
        for (String event : CHANGE_EVENTS) {
            recording.enable(event);
        }
        recording.setToDisk(true);
        recording.start();
        return new JfrRecording(recording);
    }

    /** Stops the recording and writes it to {@code target}, atomically. */
    void stopAndDump(Path target) throws IOException {
        try {
            recording.stop();
            AtomicFiles.write(target, recording::dump);
        } finally {
            recording.close();
        }
    }

    /** Stops and discards the recording (a failed run). */
    void discard() {
        recording.close();
    }
}
