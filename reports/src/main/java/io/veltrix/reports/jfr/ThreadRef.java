package io.veltrix.reports.jfr;

import jdk.jfr.consumer.RecordedThread;

/**
 * A thread as a report key: its name and its Java thread id (or, for a thread the JVM did not start from Java, its
 * OS thread id, with {@code javaThreadId} = -1).
 */
public record ThreadRef(String name, long javaThreadId, long osThreadId) {

    static final ThreadRef UNKNOWN = new ThreadRef("[unknown thread]", -1, -1);

    public static ThreadRef of(RecordedThread thread) {
        if (thread == null) {
            return UNKNOWN;
        }
        return of(thread.getJavaName(), thread.getOSName(), thread.getJavaThreadId(), thread.getOSThreadId());
    }

    /** The same from the thread's fields, as the allocation-sample decoder reads them from a recording. */
    static ThreadRef of(String javaName, String osName, long javaThreadId, long osThreadId) {
        String name = javaName != null ? javaName : osName;
        return new ThreadRef(
                name != null ? name : "[unnamed thread]",
                javaThreadId > 0 ? javaThreadId : -1,
                javaThreadId > 0 ? -1 : osThreadId);
    }

    /** Java thread id, or the OS thread id for a native thread: what the report's id column shows. */
    public long id() {
        return javaThreadId > 0 ? javaThreadId : osThreadId;
    }

    // Written out: a record's generated equals/hashCode go through an invokedynamic bootstrap that is several times
    // slower, and threads are map keys once per allocation sample.
    @Override
    public boolean equals(Object other) {
        return other instanceof ThreadRef t
                && javaThreadId == t.javaThreadId
                && osThreadId == t.osThreadId
                && name.equals(t.name);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(javaThreadId) * 31 + Long.hashCode(osThreadId)) * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return name + " (" + (javaThreadId > 0 ? "tid " + javaThreadId : "os tid " + osThreadId) + ")";
    }
}
