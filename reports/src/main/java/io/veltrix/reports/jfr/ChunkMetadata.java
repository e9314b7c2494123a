package io.veltrix.reports.jfr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The types of one chunk, from its metadata event: every class with its id and its fields in the order their values
 * are written. Only what decoding needs is kept (no annotations, settings or labels).
 *
 * <p>The metadata event's payload, after its header (size, type id 0, start time, duration, metadata id), is a
 * string table (a count, then strings) and a tree of elements, each a name, attributes (pairs of string-table
 * indices) and children, all counts and indices compressed integers. Under the root, {@code metadata} holds one
 * {@code class} element per type ({@code name}, {@code id}, {@code simpleType}) whose {@code field} children give
 * {@code name}, {@code class} (the field's type id), {@code constantPool} and {@code dimension}.
 */
final class ChunkMetadata {

    /** How a value of a type is written. */
    enum Kind {
        BOOLEAN,
        BYTE,
        SHORT,
        CHAR,
        INT,
        LONG,
        FLOAT,
        DOUBLE,
        STRING,
        /** Its fields, in order. */
        COMPOSITE,
        /** No fields and not a primitive the decoder knows: values of it cannot be skipped. */
        UNKNOWN
    }

    static final class Type {
        final long id;
        final String name;
        Kind kind;
        Field[] fields = new Field[0];

        Type(long id, String name) {
            this.id = id;
            this.name = name;
        }

        /** The index of the field named {@code name}, or -1. */
        int field(String fieldName) {
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].name.equals(fieldName)) {
                    return i;
                }
            }
            return -1;
        }
    }

    static final class Field {
        final String name;
        final Type type;
        final boolean constantPool;
        final int dimension;

        Field(String name, Type type, boolean constantPool, int dimension) {
            this.name = name;
            this.type = type;
            this.constantPool = constantPool;
            this.dimension = dimension;
        }
    }

    final long metadataId;
    private final Map<Long, Type> byId;
    private final Map<String, Type> byName;

    private ChunkMetadata(long metadataId, Map<Long, Type> byId, Map<String, Type> byName) {
        this.metadataId = metadataId;
        this.byId = byId;
        this.byName = byName;
    }

    Type type(long id) {
        return byId.get(id);
    }

    Type type(String name) {
        return byName.get(name);
    }

    /** A parsed element of the tree. */
    private record Element(String name, Map<String, String> attributes, List<Element> children) {
        String attribute(String key) {
            return attributes.get(key);
        }
    }

    /**
     * Parses the metadata event's payload from {@code in}, positioned just after the metadata id.
     *
     * @throws UnsupportedChunkException if the tree is not as expected
     */
    static ChunkMetadata parse(ByteCursor in, long metadataId) {
        int count = in.varInt();
        if (count < 0 || count > in.buf.length) {
            throw new UnsupportedChunkException("metadata string table of " + count + " strings");
        }
        String[] strings = new String[count];
        for (int i = 0; i < count; i++) {
            Object s = in.stringOrPoolMarker();
            if (s == in) {
                throw new UnsupportedChunkException("metadata string refers to a constant pool");
            }
            strings[i] = (String) s;
        }
        Element root = element(in, strings, 0);
        if (root == null) {
            throw new UnsupportedChunkException("metadata without a root element");
        }
        Element metadata = root.children().stream()
                .filter(e -> e.name().equals("metadata"))
                .findFirst()
                .orElseThrow(() -> new UnsupportedChunkException("metadata without a metadata element"));
        Map<Long, Type> byId = new HashMap<>();
        Map<String, Type> byName = new HashMap<>();
        List<Element> classes = new ArrayList<>();
        for (Element e : metadata.children()) {
            if (e.name().equals("class")) {
                long id = parseLong(e.attribute("id"), "class id");
                String name = e.attribute("name");
                if (name == null) {
                    throw new UnsupportedChunkException("class " + id + " without a name");
                }
                Type type = new Type(id, name);
                byId.put(id, type);
                byName.put(name, type);
                classes.add(e);
            }
        }
        for (Element e : classes) {
            Type type = byId.get(parseLong(e.attribute("id"), "class id"));
            List<Field> fields = new ArrayList<>();
            for (Element f : e.children()) {
                if (!f.name().equals("field")) {
                    continue;
                }
                Type fieldType = byId.get(parseLong(f.attribute("class"), "field class"));
                if (fieldType == null) {
                    throw new UnsupportedChunkException("field " + type.name + "." + f.attribute("name")
                            + " has an undeclared type " + f.attribute("class"));
                }
                String dimension = f.attribute("dimension");
                int dims = dimension == null ? 0 : (int) parseLong(dimension, "dimension");
                if (dims < 0 || dims > 1) {
                    throw new UnsupportedChunkException(
                            "field " + type.name + "." + f.attribute("name") + " has dimension " + dims);
                }
                fields.add(new Field(f.attribute("name"), fieldType, "true".equals(f.attribute("constantPool")), dims));
            }
            type.fields = fields.toArray(new Field[0]);
        }
        for (Type type : byId.values()) {
            type.kind = kind(type);
        }
        return new ChunkMetadata(metadataId, byId, byName);
    }

    private static Kind kind(Type type) {
        switch (type.name) {
            case "boolean":
                return Kind.BOOLEAN;
            case "byte":
                return Kind.BYTE;
            case "short":
                return Kind.SHORT;
            case "char":
                return Kind.CHAR;
            case "int":
                return Kind.INT;
            case "long":
                return Kind.LONG;
            case "float":
                return Kind.FLOAT;
            case "double":
                return Kind.DOUBLE;
            case "java.lang.String":
                return Kind.STRING;
            default:
                return type.fields.length > 0 ? Kind.COMPOSITE : Kind.UNKNOWN;
        }
    }

    /** Elements kept: the tree down to classes and their fields; annotations, settings and the region are skipped. */
    private static final java.util.Set<String> KEPT = java.util.Set.of("root", "metadata", "class", "field");

    private static Element element(ByteCursor in, String[] strings, int depth) {
        if (depth > 64) {
            throw new UnsupportedChunkException("metadata elements nested more than 64 deep");
        }
        String name = string(strings, in.varInt());
        int attributes = in.varInt();
        if (attributes < 0 || attributes > in.buf.length) {
            throw new UnsupportedChunkException("metadata element with " + attributes + " attributes");
        }
        boolean kept = KEPT.contains(name);
        Map<String, String> map = kept ? new HashMap<>(Math.max(4, attributes * 2)) : Map.of();
        for (int i = 0; i < attributes; i++) {
            int key = in.varInt();
            int value = in.varInt();
            if (kept) {
                map.put(string(strings, key), string(strings, value));
            }
        }
        int children = in.varInt();
        if (children < 0 || children > in.buf.length) {
            throw new UnsupportedChunkException("metadata element with " + children + " children");
        }
        List<Element> list = kept ? new ArrayList<>(children) : List.of();
        for (int i = 0; i < children; i++) {
            Element child = element(in, strings, depth + 1);
            if (kept && child != null) {
                list.add(child);
            }
        }
        return kept ? new Element(name, map, list) : null;
    }

    private static String string(String[] strings, int index) {
        if (index < 0 || index >= strings.length) {
            throw new UnsupportedChunkException("metadata string index " + index + " out of range");
        }
        return strings[index];
    }

    private static long parseLong(String value, String what) {
        if (value == null) {
            throw new UnsupportedChunkException("metadata " + what + " missing");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UnsupportedChunkException("metadata " + what + " is not a number: " + value);
        }
    }
}
