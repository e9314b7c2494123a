package io.veltrix.reports.jfr;

import io.veltrix.reports.jfr.ChunkMetadata.Field;
import io.veltrix.reports.jfr.ChunkMetadata.Kind;
import io.veltrix.reports.jfr.ChunkMetadata.Type;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Decodes the {@code jdk.ObjectAllocationSample} events of one chunk of a recording, and nothing else, straight from
 * the JFR chunk format; resolves their constant-pool keys (class, stack trace, thread) on demand.
 *
 * <p>Why: the JDK's public consumer API builds an event object per event and reads each field by name; on
 * recordings made of millions of allocation samples that alone caps the analysis below 50 MB/s (docs/jfr.md,
 * Speed). Here an allocation sample costs a handful of compressed integers, and each distinct class, stack trace and
 * thread is decoded once per chunk.
 *
 * <p>The format, as read here (checked against the JDK's own parser, {@code jdk.jfr.internal.consumer}): a chunk is
 * a 68-byte header (magic {@code FLR\0}, major and minor version, then as big-endian longs the chunk size, the
 * offset of its last checkpoint event, the offset of its last metadata event, start nanos, duration, start ticks and
 * ticks per second, then an int of feature flags, bit 0 meaning compressed integers) followed by events. An event is
 * its size (including the size field), its type id, then its fields in the order of the type's metadata. Type 0 is
 * the metadata event ({@link ChunkMetadata}), type 1 a checkpoint event: start time, duration, the offset to the
 * previous checkpoint event (0 for the first), a type byte, then constant pools, each a type id, a count and that
 * many key-value entries. A chunk's pools may be spread over several checkpoint events (one per flush); all are
 * read, from the last backwards, an earlier entry replacing a later one with the same key as in the JDK's parser.
 * Fields that refer to a constant pool hold a compressed key; arrays a count then elements; other composite values
 * are written inline, field by field.
 *
 * <p>Only what the JDK 17 to 25 recordings use is supported: format 2.0 and 2.1 with compressed integers. Anything
 * else throws {@link UnsupportedChunkException}, and the caller reads the file with the JDK's parser instead.
 *
 * <p>Memory: the metadata and the checkpoint events are copied into arrays (together a few percent of a chunk),
 * events are read through a window of at most {@value #WINDOW} bytes: a chunk is never held whole.
 */
final class ChunkDecoder {

    static final String SAMPLE = "jdk.ObjectAllocationSample";
    static final int WINDOW = 1 << 20;

    private static final int MAX_POOL_DEPTH = 16;
    private static final int OP_VARINT = 0;
    private static final int OP_BYTE = 1;
    private static final int OP_OTHER = 2;

    /** What the decoder hands over per sample. */
    interface Sink {
        /** Called before the samples of each chunk. */
        default void chunk(ChunkDecoder chunk) {}

        void sample(
                ChunkDecoder chunk,
                long startTicks,
                long endTicks,
                long weight,
                long classKey,
                long stackKey,
                long threadKey);
    }

    private final FileChannel channel;
    private final long chunkOffset;
    private final long chunkSize;
    private long startNanos;
    private long startTicks;
    private double divisor;
    private ChunkMetadata metadata;

    // The sample event's layout.
    private long sampleTypeId = -1;
    private Field[] sampleFields;
    private int[] ops;
    private int lastNeeded;
    private int weightIndex;
    private int classIndex;
    private int stackIndex;
    private int threadIndex;
    private boolean hasDuration;

    // Types and fields the resolution reads.
    private Type stringType;
    private Type classType;
    private int className;
    private Type stackType;
    private int stackFrames;
    private int frameMethod;
    private int frameLine;
    private Type methodType;
    private int methodClass;
    private int methodName;
    private Type threadType;
    private int threadJavaName;
    private int threadOsName;
    private int threadJavaId;
    private int threadOsId;

    // Constant pools: the checkpoint events' bytes, and per type id the position of each key's entry.
    private byte[] pool = new byte[0];
    private int poolLength;
    private int checkpoints;
    private final LongMap<LongIntMap> index = new LongMap<>();
    private final LongMap<String> classNames = new LongMap<>();

    private ChunkDecoder(FileChannel channel, RecordingLayout.Chunk chunk) {
        this.channel = channel;
        this.chunkOffset = chunk.offset();
        this.chunkSize = chunk.bytes();
    }

    /**
     * Reads the chunk's header, metadata (or reuses {@code previous} when the metadata id is the same) and constant
     * pools.
     *
     * @throws UnsupportedChunkException if the chunk uses something this decoder does not know
     * @throws IOException if reading fails
     */
    static ChunkDecoder open(FileChannel channel, RecordingLayout.Chunk chunk, ChunkMetadata previous)
            throws IOException {
        ChunkDecoder decoder = new ChunkDecoder(channel, chunk);
        decoder.prepare(previous, true);
        return decoder;
    }

    /**
     * Reads only the chunk's header and metadata, to tell whether it can be decoded, and measures which share of the
     * events (by size, metadata and checkpoint events aside) in the chunk's first {@code bytes} bytes are allocation
     * samples.
     *
     * @return the share, 0 to 1
     * @throws UnsupportedChunkException if the chunk uses something this decoder does not know
     */
    static double sampleShare(FileChannel channel, RecordingLayout.Chunk chunk, int bytes) throws IOException {
        ChunkDecoder decoder = new ChunkDecoder(channel, chunk);
        decoder.prepare(null, false);
        if (!decoder.hasSamples()) {
            return 0;
        }
        long end = Math.min(decoder.chunkSize, RecordingLayout.HEADER_BYTES + (long) bytes);
        int length = (int) (end - RecordingLayout.HEADER_BYTES);
        byte[] window = new byte[length];
        decoder.fill(window, RecordingLayout.HEADER_BYTES, length);
        ByteCursor in = new ByteCursor().at(window, 0);
        long sampleBytes = 0;
        long eventBytes = 0;
        int scanned = 0;
        while (scanned + 20 <= length) {
            in.pos = scanned;
            long size = in.varLong();
            if (size <= 0) {
                throw new UnsupportedChunkException("event of " + size + " bytes at " + scanned);
            }
            long type = in.varLong();
            if (type == decoder.sampleTypeId) {
                sampleBytes += size;
            }
            if (type > 1) {
                eventBytes += size;
            }
            if (size > length - scanned) {
                break;
            }
            scanned += (int) size;
        }
        return eventBytes == 0 ? 0 : Math.min(1.0, (double) sampleBytes / eventBytes);
    }

    ChunkMetadata metadata() {
        return metadata;
    }

    /** Whether the chunk's metadata declares allocation samples at all (if not, it has none). */
    boolean hasSamples() {
        return sampleTypeId >= 0;
    }

    /** How many checkpoint events the chunk's constant pools were read from (more than one when it was flushed). */
    int checkpoints() {
        return checkpoints;
    }

    /** Whether the sample event type has a duration (none in JDK 17 to 25). */
    boolean samplesHaveDuration() {
        return hasDuration;
    }

    /**
     * Nanoseconds since the epoch of a tick value, computed exactly as the JDK's parser does, with the chunk's own
     * start or that of the chunk given to {@link #useTimesOf}.
     */
    long nanos(long ticks) {
        if (divisor == 1.0) {
            // Ticks are nanoseconds (as on Linux): the JDK's conversion gives the difference itself, which a double
            // holds exactly below 2^53 ns (104 days after the chunk's start).
            long elapsed = ticks - startTicks;
            if (elapsed > -(1L << 53) && elapsed < (1L << 53)) {
                return startNanos + elapsed;
            }
        }
        return startNanos + (long) ((ticks - startTicks) / divisor);
    }

    /**
     * Converts ticks to time with {@code other}'s chunk start (nanos, ticks and tick rate) instead of this chunk's, as
     * the JDK's parser does for later chunks of a file (see {@link AllocationSampleReader#scan}).
     */
    void useTimesOf(ChunkDecoder other) {
        startNanos = other.startNanos;
        startTicks = other.startTicks;
        divisor = other.divisor;
    }

    private void prepare(ChunkMetadata previous, boolean pools) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(RecordingLayout.HEADER_BYTES);
        readFully(header, chunkOffset);
        header.flip();
        if (header.getInt(0) != 0x464C5200) {
            throw new UnsupportedChunkException("no chunk magic at " + chunkOffset);
        }
        int major = header.getShort(4);
        int minor = header.getShort(6);
        if (major != 2 || (minor != 0 && minor != 1)) {
            throw new UnsupportedChunkException("format version " + major + "." + minor);
        }
        long size = header.getLong(8);
        long constantPools = header.getLong(16);
        long metadataPosition = header.getLong(24);
        startNanos = header.getLong(32);
        startTicks = header.getLong(48);
        long ticksPerSecond = header.getLong(56);
        int features = header.getInt(64);
        if ((features & 1) == 0) {
            throw new UnsupportedChunkException("integers not compressed (features " + features + ")");
        }
        if (size != chunkSize || ticksPerSecond <= 0) {
            throw new UnsupportedChunkException("inconsistent chunk header at " + chunkOffset);
        }
        // As the JDK's TimeConverter: a double divided by a long.
        divisor = (double) ticksPerSecond / 1_000_000_000L;
        readMetadata(metadataPosition, previous);
        if (pools && hasSamples()) {
            readConstantPools(constantPools);
        }
    }

    private void readMetadata(long position, ChunkMetadata previous) throws IOException {
        byte[] bytes = readEvent(position, null, 0);
        ByteCursor in = new ByteCursor().at(bytes, 0);
        in.varLong(); // size
        long type = in.varLong();
        if (type != 0) {
            throw new UnsupportedChunkException("expected the metadata event at " + position + ", found type " + type);
        }
        in.varLong(); // start time
        in.varLong(); // duration
        long id = in.varLong();
        metadata = previous != null && previous.metadataId == id ? previous : ChunkMetadata.parse(in, id);
        Type sample = metadata.type(SAMPLE);
        if (sample == null) {
            return;
        }
        planSample(sample);
        planResolution();
        sampleTypeId = sample.id;
    }

    private void planSample(Type sample) {
        Field[] fields = sample.fields;
        int start = sample.field("startTime");
        int duration = sample.field("duration");
        weightIndex = sample.field("weight");
        classIndex = sample.field("objectClass");
        stackIndex = sample.field("stackTrace");
        threadIndex = sample.field("eventThread");
        if (start != 0 || (duration >= 0 && duration != 1)) {
            throw new UnsupportedChunkException(SAMPLE + " does not start with startTime (and duration)");
        }
        requireInteger(fields, 0);
        hasDuration = duration == 1;
        if (hasDuration) {
            requireInteger(fields, 1);
        }
        if (weightIndex < 0 || classIndex < 0 || stackIndex < 0 || threadIndex < 0) {
            throw new UnsupportedChunkException(SAMPLE + " lacks weight, objectClass, stackTrace or eventThread");
        }
        requireInteger(fields, weightIndex);
        requireKey(fields[classIndex], "java.lang.Class");
        requireKey(fields[stackIndex], "jdk.types.StackTrace");
        requireKey(fields[threadIndex], "java.lang.Thread");
        lastNeeded = Math.max(Math.max(weightIndex, classIndex), Math.max(stackIndex, threadIndex));
        ops = new int[lastNeeded + 1];
        for (int i = 0; i <= lastNeeded; i++) {
            Field f = fields[i];
            if (f.dimension == 0 && (f.constantPool || isVarint(f.type.kind))) {
                ops[i] = OP_VARINT;
            } else if (f.dimension == 0 && (f.type.kind == Kind.BOOLEAN || f.type.kind == Kind.BYTE)) {
                ops[i] = OP_BYTE;
            } else {
                ops[i] = OP_OTHER;
            }
        }
        sampleFields = fields;
    }

    private void planResolution() {
        stringType = metadata.type("java.lang.String");
        classType = metadata.type("java.lang.Class");
        stackType = metadata.type("jdk.types.StackTrace");
        methodType = metadata.type("jdk.types.Method");
        threadType = metadata.type("java.lang.Thread");
        Type frameType = metadata.type("jdk.types.StackFrame");
        if (stringType == null
                || classType == null
                || stackType == null
                || methodType == null
                || threadType == null
                || frameType == null) {
            throw new UnsupportedChunkException("a type allocation samples refer to is missing");
        }
        className = requireString(classType, "name");
        stackFrames = require(stackType, "frames");
        Field frames = stackType.fields[stackFrames];
        if (frames.dimension != 1 || frames.constantPool || frames.type != frameType) {
            throw new UnsupportedChunkException("jdk.types.StackTrace.frames is not an inline array of frames");
        }
        frameMethod = require(frameType, "method");
        requireKey(frameType.fields[frameMethod], "jdk.types.Method");
        frameLine = require(frameType, "lineNumber");
        requireInteger(frameType.fields, frameLine);
        methodClass = require(methodType, "type");
        requireKey(methodType.fields[methodClass], "java.lang.Class");
        methodName = requireString(methodType, "name");
        threadJavaName = requireString(threadType, "javaName");
        threadOsName = requireString(threadType, "osName");
        threadJavaId = require(threadType, "javaThreadId");
        requireInteger(threadType.fields, threadJavaId);
        threadOsId = require(threadType, "osThreadId");
        requireInteger(threadType.fields, threadOsId);
    }

    private static boolean isVarint(Kind kind) {
        return kind == Kind.SHORT || kind == Kind.CHAR || kind == Kind.INT || kind == Kind.LONG;
    }

    private static int require(Type type, String field) {
        int i = type.field(field);
        if (i < 0) {
            throw new UnsupportedChunkException(type.name + " has no field " + field);
        }
        return i;
    }

    private static int requireString(Type type, String field) {
        int i = require(type, field);
        Field f = type.fields[i];
        Type t = f.type;
        boolean string = t.kind == Kind.STRING
                || (t.kind == Kind.COMPOSITE
                        && t.fields.length == 1
                        && t.fields[0].type.kind == Kind.STRING
                        && t.fields[0].dimension == 0
                        && !t.fields[0].constantPool);
        if (!string || f.dimension != 0) {
            throw new UnsupportedChunkException(type.name + "." + field + " is not a string");
        }
        return i;
    }

    private static void requireInteger(Field[] fields, int i) {
        Field f = fields[i];
        if (f.dimension != 0 || f.constantPool || (f.type.kind != Kind.LONG && f.type.kind != Kind.INT)) {
            throw new UnsupportedChunkException("field " + f.name + " is not an int or long");
        }
    }

    private static void requireKey(Field f, String typeName) {
        if (f.dimension != 0 || !f.constantPool || !f.type.name.equals(typeName)) {
            throw new UnsupportedChunkException("field " + f.name + " is not a constant-pool " + typeName);
        }
    }

    // ---------------------------------------------------------------- constant pools

    private void readConstantPools(long lastCheckpoint) throws IOException {
        long position = lastCheckpoint;
        ByteCursor in = new ByteCursor();
        for (int read = 0; ; read++) {
            if (position < RecordingLayout.HEADER_BYTES || position >= chunkSize || read > 1_000_000) {
                throw new UnsupportedChunkException("checkpoint chain leaves the chunk at " + position);
            }
            if (poolLength > chunkSize) {
                // Each checkpoint of a chunk is read once; more bytes than the chunk holds means the chain loops.
                throw new UnsupportedChunkException("checkpoint chain loops: it comes back to " + position);
            }
            int start = poolLength;
            pool = readEvent(position, pool, start);
            in.at(pool, start);
            in.varLong(); // size
            long type = in.varLong();
            if (type != 1) {
                throw new UnsupportedChunkException("expected a checkpoint event at " + position + ", found " + type);
            }
            in.varLong(); // start time
            in.varLong(); // duration
            long delta = in.varLong();
            in.raw(); // checkpoint type (flush, chunk header, statics, thread)
            int pools = in.varInt();
            for (int p = 0; p < pools; p++) {
                long typeId = in.varLong();
                Type t = metadata.type(typeId);
                if (t == null) {
                    throw new UnsupportedChunkException("constant pool of undeclared type " + typeId);
                }
                LongIntMap entries = index.get(typeId);
                if (entries == null) {
                    entries = new LongIntMap();
                    index.put(typeId, entries);
                }
                int count = in.varInt();
                if (count < 0) {
                    throw new UnsupportedChunkException("constant pool with " + count + " entries");
                }
                for (int e = 0; e < count; e++) {
                    long key = in.varLong();
                    entries.put(key, in.pos);
                    try {
                        skipValue(t, in, 0);
                    } catch (UnsupportedChunkException x) {
                        throw new UnsupportedChunkException(
                                "constant " + key + " of " + t.name + ": " + x.getMessage());
                    }
                }
            }
            if (in.pos > poolLength) {
                throw new UnsupportedChunkException("checkpoint at " + position + " overruns its size");
            }
            checkpoints++;
            if (delta == 0) {
                return;
            }
            position += delta;
        }
    }

    /**
     * Reads the whole event at chunk-relative {@code position} into {@code into} from {@code at} (growing it), or
     * into a new array when {@code into} is null; sets {@link #poolLength} when appending to the pool.
     */
    private byte[] readEvent(long position, byte[] into, int at) throws IOException {
        long available = chunkSize - position;
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(10, available));
        readFully(head, chunkOffset + position);
        ByteCursor c = new ByteCursor().at(head.array(), 0);
        long size;
        try {
            size = c.varLong();
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new UnsupportedChunkException("event size runs past the chunk at " + position);
        }
        if (size <= 0 || size > available || size > Integer.MAX_VALUE - 16 - at) {
            throw new UnsupportedChunkException("event of " + size + " bytes at " + position);
        }
        byte[] target = into;
        if (target == null) {
            target = new byte[(int) size];
        } else if (target.length < at + size) {
            byte[] grown = new byte[(int) Math.max(at + size, Math.min(Integer.MAX_VALUE - 16, 2L * target.length))];
            System.arraycopy(target, 0, grown, 0, at);
            target = grown;
        }
        readFully(ByteBuffer.wrap(target, at, (int) size), chunkOffset + position);
        if (into != null) {
            poolLength = at + (int) size;
        }
        return target;
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        long p = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, p);
            if (n < 0) {
                throw new EOFException("end of file at " + p);
            }
            p += n;
        }
    }

    private static void skipField(Field f, ByteCursor in, int depth) {
        int n = 1;
        if (f.dimension == 1) {
            n = in.varInt();
            if (n < 0) {
                throw new UnsupportedChunkException("array of " + n + " elements at " + in.pos);
            }
        }
        for (int i = 0; i < n; i++) {
            if (f.constantPool) {
                in.skipVar();
            } else {
                skipValue(f.type, in, depth + 1);
            }
        }
    }

    private static void skipValue(Type t, ByteCursor in, int depth) {
        switch (t.kind) {
            case BOOLEAN, BYTE -> in.pos++;
            case SHORT, CHAR, INT, LONG -> in.skipVar();
            case FLOAT -> in.pos += 4;
            case DOUBLE -> in.pos += 8;
            case STRING -> in.skipString();
            case COMPOSITE -> {
                if (depth > 32) {
                    throw new UnsupportedChunkException("values nested more than 32 deep in " + t.name);
                }
                for (Field f : t.fields) {
                    skipField(f, in, depth);
                }
            }
            default -> throw new UnsupportedChunkException("values of type " + t.name + " cannot be read");
        }
    }

    /** A cursor on the pool entry of {@code key} of type {@code t}, or null when the chunk has none. */
    private ByteCursor entry(Type t, long key) {
        LongIntMap entries = index.get(t.id);
        int at = entries == null ? LongIntMap.ABSENT : entries.get(key);
        return at == LongIntMap.ABSENT ? null : new ByteCursor().at(pool, at);
    }

    /** Moves {@code in}, at the start of a value of {@code t}, to the start of field {@code field}. */
    private static ByteCursor toField(Type t, int field, ByteCursor in) {
        for (int i = 0; i < field; i++) {
            skipField(t.fields[i], in, 0);
        }
        return in;
    }

    private String string(Field f, ByteCursor in, int depth) {
        if (depth > MAX_POOL_DEPTH) {
            throw new UnsupportedChunkException("constant pool references nested too deep");
        }
        if (f.constantPool) {
            ByteCursor entry = entry(f.type, in.varLong());
            return entry == null ? null : stringValue(f.type, entry, depth + 1);
        }
        return stringValue(f.type, in, depth);
    }

    private String stringValue(Type t, ByteCursor in, int depth) {
        if (t.kind == Kind.COMPOSITE) {
            return string(t.fields[0], in, depth);
        }
        Object s = in.stringOrPoolMarker();
        if (s == in) {
            if (depth > MAX_POOL_DEPTH) {
                throw new UnsupportedChunkException("constant pool references nested too deep");
            }
            ByteCursor entry = entry(stringType, in.varLong());
            return entry == null ? null : stringValue(stringType, entry, depth + 1);
        }
        return (String) s;
    }

    private static long integer(Field f, ByteCursor in) {
        long v = in.varLong();
        return f.type.kind == Kind.INT ? (int) v : v;
    }

    // ---------------------------------------------------------------- resolution, once per distinct key

    /** The class's name as {@link Frames#className} gives it for the JDK's {@code RecordedClass}. */
    String className(long classKey) {
        String name = classNames.get(classKey);
        if (name == null) {
            ByteCursor entry = entry(classType, classKey);
            String binary = null;
            if (entry != null) {
                binary = string(classType.fields[className], toField(classType, className, entry), 0);
            }
            // RecordedClass.getName() replaces '/' with '.'; a class without a name is taken as unknown.
            name = Frames.javaName(binary == null ? null : binary.replace("/", "."));
            classNames.put(classKey, name);
        }
        return name;
    }

    /** The top frame's site as {@link Frames#topSite} gives it for the JDK's {@code RecordedStackTrace}. */
    String topSite(long stackKey) {
        ByteCursor in = entry(stackType, stackKey);
        if (in == null) {
            return Frames.NO_STACK;
        }
        toField(stackType, stackFrames, in);
        int frames = in.varInt();
        if (frames <= 0) {
            return Frames.NO_STACK;
        }
        Type frameType = stackType.fields[stackFrames].type;
        long methodKey = 0;
        int line = -1;
        int last = Math.max(frameMethod, frameLine);
        for (int i = 0; i <= last; i++) {
            Field f = frameType.fields[i];
            if (i == frameMethod) {
                methodKey = in.varLong();
            } else if (i == frameLine) {
                line = (int) integer(f, in);
            } else {
                skipField(f, in, 0);
            }
        }
        ByteCursor method = entry(methodType, methodKey);
        String name;
        if (method == null) {
            name = "[unknown method]";
        } else {
            long classKey = 0;
            String methodName = null;
            int lastField = Math.max(methodClass, this.methodName);
            for (int i = 0; i <= lastField; i++) {
                Field f = methodType.fields[i];
                if (i == methodClass) {
                    classKey = method.varLong();
                } else if (i == this.methodName) {
                    methodName = string(f, method, 0);
                } else {
                    skipField(f, method, 0);
                }
            }
            name = className(classKey) + "." + methodName;
        }
        return line > 0 ? name + ":" + line : name;
    }

    /** The thread as {@link ThreadRef#of} gives it for the JDK's {@code RecordedThread}. */
    ThreadRef thread(long threadKey) {
        ByteCursor in = entry(threadType, threadKey);
        if (in == null) {
            return ThreadRef.UNKNOWN;
        }
        String javaName = null;
        String osName = null;
        long javaId = -1;
        long osId = -1;
        Field[] fields = threadType.fields;
        int last = Math.max(Math.max(threadJavaName, threadOsName), Math.max(threadJavaId, threadOsId));
        for (int i = 0; i <= last; i++) {
            Field f = fields[i];
            if (i == threadJavaName) {
                javaName = string(f, in, 0);
            } else if (i == threadOsName) {
                osName = string(f, in, 0);
            } else if (i == threadJavaId) {
                javaId = integer(f, in);
            } else if (i == threadOsId) {
                osId = integer(f, in);
            } else {
                skipField(f, in, 0);
            }
        }
        return ThreadRef.of(javaName, osName, javaId, osId);
    }

    // ---------------------------------------------------------------- the events

    /**
     * Hands every allocation sample of the chunk to {@code sink}, in file order.
     *
     * @throws UnsupportedChunkException if an event is inconsistent (sizes that leave the chunk)
     * @throws IOException if reading fails
     */
    void scan(Sink sink) throws IOException {
        if (!hasSamples()) {
            return;
        }
        byte[] window = new byte[(int) Math.min(WINDOW, chunkSize)];
        long windowStart = 0;
        int windowLength = 0;
        long[] values = new long[lastNeeded + 1];
        final int[] plan = ops;
        final Field[] fields = sampleFields;
        final int needed = lastNeeded;
        final long typeId = sampleTypeId;
        final boolean intWeight = fields[weightIndex].type.kind == Kind.INT;
        ByteCursor in = new ByteCursor();
        long position = RecordingLayout.HEADER_BYTES;
        // Compressed integers are decoded inline below (the loop runs once per event of the chunk, and C1, which
        // the launcher runs `jfr` with, would not inline a call): 7 bits a byte, low first, the 9th byte whole.
        while (position < chunkSize) {
            long windowEnd = windowStart + windowLength;
            if (position + 20 > windowEnd && windowEnd < chunkSize) {
                windowLength = fill(window, position, window.length);
                windowStart = position;
            }
            byte[] w = window;
            int p = (int) (position - windowStart);
            long size = 0;
            int shift = 0;
            byte x;
            do {
                x = w[p++];
                size |= (long) (x & 0x7F) << shift;
                shift += 7;
            } while (x < 0 && shift < 56);
            if (x < 0) {
                size |= (long) (w[p++] & 0xFF) << 56;
            }
            if (size <= 0 || position + size > chunkSize) {
                throw new UnsupportedChunkException("event of " + size + " bytes at " + position);
            }
            long type = 0;
            shift = 0;
            do {
                x = w[p++];
                type |= (long) (x & 0x7F) << shift;
                shift += 7;
            } while (x < 0 && shift < 56);
            if (x < 0) {
                type |= (long) (w[p++] & 0xFF) << 56;
            }
            if (type == typeId) {
                if (position + size > windowStart + windowLength) {
                    int header = (int) (p - (position - windowStart));
                    if (size > window.length) {
                        window = new byte[(int) size];
                    }
                    windowLength = fill(window, position, window.length);
                    windowStart = position;
                    w = window;
                    p = header;
                }
                for (int i = 0; i <= needed; i++) {
                    int op = plan[i];
                    if (op == OP_VARINT) {
                        long v = 0;
                        shift = 0;
                        do {
                            x = w[p++];
                            v |= (long) (x & 0x7F) << shift;
                            shift += 7;
                        } while (x < 0 && shift < 56);
                        if (x < 0) {
                            v |= (long) (w[p++] & 0xFF) << 56;
                        }
                        values[i] = v;
                    } else if (op == OP_BYTE) {
                        values[i] = w[p++];
                    } else {
                        in.at(w, p);
                        skipField(fields[i], in, 0);
                        p = in.pos;
                    }
                }
                long start = values[0];
                long weight = values[weightIndex];
                sink.sample(
                        this,
                        start,
                        hasDuration ? start + values[1] : start,
                        intWeight ? (int) weight : weight,
                        values[classIndex],
                        values[stackIndex],
                        values[threadIndex]);
            }
            position += size;
        }
    }

    /** Reads up to {@code max} bytes of the chunk from {@code position} into {@code window}; returns how many. */
    private int fill(byte[] window, long position, int max) throws IOException {
        int length = (int) Math.min(max, chunkSize - position);
        readFully(ByteBuffer.wrap(window, 0, length), chunkOffset + position);
        return length;
    }
}
