package io.veltrix.scenarios.run;

import io.veltrix.engine.Event;
import io.veltrix.engine.EventHandler;
import io.veltrix.engine.Outcome;
import io.veltrix.scenarios.model.EventType;
import io.veltrix.scenarios.model.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads the handlers that event types name with {@code handler:}, from the jars (or class directories) given with
 * {@code --classpath}, then from Veltrix's own class path. A handler is a public class implementing {@link
 * EventHandler} with a public no-argument constructor. Its events carry no payload ({@code null}) and the tag of
 * {@link TagCodec} (sequence number and scheduled service time); what it does with them is its own business.
 */
final class UserHandlers implements AutoCloseable {
    private final URLClassLoader loader;
    private final List<String> classpath;
    private final Class<?>[] classes;

    private UserHandlers(URLClassLoader loader, List<String> classpath, Class<?>[] classes) {
        this.loader = loader;
        this.classpath = classpath;
        this.classes = classes;
    }

    /**
     * Finds and checks every handler class the scenario names.
     *
     * @throws BenchSetupException listing every class that is missing or not a usable handler
     */
    static UserHandlers load(Scenario scenario, List<Path> classpath) throws BenchSetupException {
        List<String> problems = new ArrayList<>();
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            if (!Files.exists(entry)) {
                problems.add("--classpath: no such file or directory: " + entry);
                continue;
            }
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                problems.add("--classpath: cannot use " + entry + ": " + e.getMessage());
            }
        }
        URLClassLoader loader =
                new URLClassLoader("veltrix-handlers", urls.toArray(new URL[0]), UserHandlers.class.getClassLoader());
        List<String> shown = classpath.stream().map(Path::toString).collect(Collectors.toList());
        Class<?>[] classes = new Class<?>[scenario.events().size()];
        for (int t = 0; t < classes.length; t++) {
            EventType type = scenario.events().get(t);
            if (type.handler().isPresent()) {
                classes[t] = check(type, t, loader, shown, problems);
            }
        }
        if (!problems.isEmpty()) {
            closeQuietly(loader);
            throw new BenchSetupException(problems);
        }
        return new UserHandlers(loader, shown, classes);
    }

    private static Class<?> check(
            EventType type, int index, ClassLoader loader, List<String> classpath, List<String> problems) {
        String name = type.handler().orElseThrow();
        String where = "events[" + index + "].handler (" + type.name() + "): ";
        String searched = classpath.isEmpty()
                ? "no --classpath was given"
                : "searched --classpath " + String.join(", ", classpath);
        Class<?> c;
        try {
            c = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            problems.add(where + "class " + name + " not found (" + searched + ")");
            return null;
        }
        if (!EventHandler.class.isAssignableFrom(c)) {
            problems.add(where + name + " does not implement " + EventHandler.class.getName());
            return null;
        }
        if (!Modifier.isPublic(c.getModifiers()) || Modifier.isAbstract(c.getModifiers())) {
            problems.add(where + name + " must be a public, concrete class");
            return null;
        }
        try {
            Constructor<?> constructor = c.getConstructor();
            if (!Modifier.isPublic(constructor.getModifiers())) {
                problems.add(where + name + " needs a public no-argument constructor");
                return null;
            }
        } catch (NoSuchMethodException e) {
            problems.add(where + name + " needs a public no-argument constructor");
            return null;
        }
        return c;
    }

    /** Whether event type {@code type} has a handler of its own. */
    boolean has(int type) {
        return classes[type] != null;
    }

    /**
     * A new instance of event type {@code type}'s handler (one per strategy, so no state leaks between runs).
     *
     * @param completions told of every success (closed loads), or null
     * @throws BenchSetupException when the constructor fails
     */
    EventHandler<?> create(int type, CompletionSignal completions) throws BenchSetupException {
        Class<?> c = classes[type];
        EventHandler<?> handler;
        try {
            handler = (EventHandler<?>) c.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new BenchSetupException(
                    List.of("handler " + c.getName() + ": its constructor failed: " + e.getCause()));
        } catch (ReflectiveOperationException e) {
            throw new BenchSetupException(List.of("handler " + c.getName() + ": cannot create it: " + e));
        }
        return completions == null ? handler : new Completing(handler, completions);
    }

    @Override
    public void close() {
        closeQuietly(loader);
    }

    /** The class path as given, for messages. */
    List<String> classpath() {
        return classpath;
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tells a closed loop's submitter when a user's handler succeeded. */
    private static final class Completing implements EventHandler<Object> {
        private final EventHandler<Object> delegate;
        private final CompletionSignal completions;

        @SuppressWarnings("unchecked")
        Completing(EventHandler<?> delegate, CompletionSignal completions) {
            this.delegate = (EventHandler<Object>) delegate;
            this.completions = completions;
        }

        @Override
        public Outcome onEvent(Event<Object> event) throws Exception {
            Outcome outcome = delegate.onEvent(event);
            if (outcome == null || outcome == Outcome.SUCCESS) {
                completions.ended(TagCodec.sequence(event.tag()));
            }
            return outcome;
        }
    }
}
