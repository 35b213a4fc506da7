package io.apolloroutes.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@link RowSpool} lays a {@link SourceRecord} out on disk: a kind byte, the record number, then the
 * fields of that kind in declaration order, ints big-endian as {@link java.io.DataOutputStream} writes
 * them. Records carry no length of their own: the spool's index has it.
 *
 * <ul>
 *   <li>a string: a tag byte (null, UTF-8, or UTF-16 units one by one), then the byte count as an int and
 *       the bytes; no 64 KiB limit as with {@code writeUTF}</li>
 *   <li>a list of cells: the count (-1 for null), then each string</li>
 *   <li>cell problems: the count, then each cell index and its string</li>
 *   <li>a JSON object: the byte count of its JSON text (-1 for null), then the text</li>
 * </ul>
 */
final class SpoolFormat {

    private static final byte TABLE_ROW = 1;
    private static final byte JSON_ROW = 2;
    private static final byte JSON_SEQUENCE = 3;
    private static final byte BROKEN = 4;

    private static final byte NULL = 0;
    private static final byte UTF_8 = 1;
    /**
     * Each UTF-16 unit on its own, surrogates too (CESU-8). A JSON string or an .xls cell can hold a lone
     * surrogate, which UTF-8 cannot represent; it must come back as it was read.
     */
    private static final byte UTF_16_UNITS = 2;

    /** A plain mapper, as the spool has always used: JSON numbers read back as they did before. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpoolFormat() {
    }

    /** Encodes records one after another into one reused buffer; one per spool. */
    static final class Writer {
        private byte[] bytes = new byte[1 << 16];
        private int length;

        /** Writes the record to {@code out}; how many bytes it took. */
        int write(SourceRecord record, OutputStream out) throws IOException {
            length = 0;
            if (record instanceof SourceRecord.TableRow row) {
                header(TABLE_ROW, row.number());
                cells(row.cells());
                problems(row.cellProblems());
            } else if (record instanceof SourceRecord.JsonRow row) {
                jsonRecord(JSON_ROW, row.number(), row.line(), row.fields());
            } else if (record instanceof SourceRecord.JsonSequence sequence) {
                jsonRecord(JSON_SEQUENCE, sequence.number(), sequence.line(), sequence.body());
            } else if (record instanceof SourceRecord.Broken broken) {
                header(BROKEN, broken.number());
                putInt(broken.line());
                string(broken.raw());
                string(broken.problem());
            } else {
                throw new IllegalArgumentException("no spool format for " + record);
            }
            out.write(bytes, 0, length);
            return length;
        }

        /** Writes one string to {@code out}, as a record's strings are written. */
        void write(String s, OutputStream out) throws IOException {
            length = 0;
            string(s);
            out.write(bytes, 0, length);
        }

        private void header(byte kind, int number) {
            ensure(5);
            bytes[length++] = kind;
            putInt(number);
        }

        private void jsonRecord(byte kind, int number, int line, ObjectNode node) throws IOException {
            header(kind, number);
            putInt(line);
            json(node);
        }

        private void cells(List<String> cells) {
            putInt(cells == null ? -1 : cells.size());
            if (cells != null) {
                for (String cell : cells) {
                    string(cell);
                }
            }
        }

        private void problems(Map<Integer, String> problems) {
            putInt(problems.size());
            for (Map.Entry<Integer, String> problem : problems.entrySet()) {
                putInt(problem.getKey());
                string(problem.getValue());
            }
        }

        private void json(ObjectNode node) throws IOException {
            if (node == null) {
                putInt(-1);
                return;
            }
            byte[] text = JSON.writeValueAsBytes(node);
            putInt(text.length);
            ensure(text.length);
            System.arraycopy(text, 0, bytes, length, text.length);
            length += text.length;
        }

        private void string(String s) {
            if (s == null) {
                ensure(1);
                bytes[length++] = NULL;
                return;
            }
            // three bytes per UTF-16 unit at most; the tag and the count are filled in once known
            ensure(Math.toIntExact(5 + 3L * s.length()));
            int tag = length;
            length += 5;
            boolean surrogates = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    bytes[length++] = (byte) c;
                } else if (c < 0x800) {
                    bytes[length++] = (byte) (0xC0 | c >> 6);
                    bytes[length++] = (byte) (0x80 | c & 0x3F);
                } else {
                    surrogates |= Character.isSurrogate(c);
                    bytes[length++] = (byte) (0xE0 | c >> 12);
                    bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                    bytes[length++] = (byte) (0x80 | c & 0x3F);
                }
            }
            // without surrogates the bytes are plain UTF-8, which the JDK decodes fastest
            bytes[tag] = surrogates ? UTF_16_UNITS : UTF_8;
            putInt(tag + 1, length - tag - 5);
        }

        private void putInt(int value) {
            ensure(4);
            putInt(length, value);
            length += 4;
        }

        private void putInt(int at, int value) {
            bytes[at] = (byte) (value >>> 24);
            bytes[at + 1] = (byte) (value >>> 16);
            bytes[at + 2] = (byte) (value >>> 8);
            bytes[at + 3] = (byte) value;
        }

        private void ensure(int more) {
            if (bytes.length - length < more) {
                byte[] grown = new byte[Math.max(bytes.length * 2, Math.addExact(length, more))];
                System.arraycopy(bytes, 0, grown, 0, length);
                bytes = grown;
            }
        }
    }

    /** Decodes one record from a heap buffer, leaving it positioned after the record. */
    static SourceRecord read(ByteBuffer in) throws IOException {
        byte kind = in.get();
        int number = in.getInt();
        switch (kind) {
            case TABLE_ROW:
                return new SourceRecord.TableRow(number, cells(in), problems(in));
            case JSON_ROW:
                return new SourceRecord.JsonRow(number, in.getInt(), json(in));
            case JSON_SEQUENCE:
                return new SourceRecord.JsonSequence(number, in.getInt(), json(in));
            case BROKEN:
                return new SourceRecord.Broken(number, in.getInt(), string(in), string(in));
            default:
                throw new IOException("spool record of unknown kind " + kind);
        }
    }

    private static List<String> cells(ByteBuffer in) throws IOException {
        int count = in.getInt();
        if (count < 0) {
            return null;
        }
        List<String> cells = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cells.add(string(in));
        }
        return cells;
    }

    private static Map<Integer, String> problems(ByteBuffer in) throws IOException {
        int count = in.getInt();
        if (count == 0) {
            return Map.of();
        }
        Map<Integer, String> problems = new HashMap<>();
        for (int i = 0; i < count; i++) {
            problems.put(in.getInt(), string(in));
        }
        return problems;
    }

    private static ObjectNode json(ByteBuffer in) throws IOException {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        JsonNode node = JSON.readTree(in.array(), in.arrayOffset() + in.position(), length);
        in.position(in.position() + length);
        return (ObjectNode) node;
    }

    private static String string(ByteBuffer in) throws IOException {
        byte tag = in.get();
        if (tag == NULL) {
            return null;
        }
        int length = in.getInt();
        String s = decode(tag, in.array(), in.arrayOffset() + in.position(), length);
        in.position(in.position() + length);
        return s;
    }

    /** Reads one string that {@link Writer#write(String, OutputStream)} wrote. */
    static String readString(DataInput in) throws IOException {
        byte tag = in.readByte();
        if (tag == NULL) {
            return null;
        }
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return decode(tag, bytes, 0, bytes.length);
    }

    private static String decode(byte tag, byte[] bytes, int start, int length) throws IOException {
        if (tag == UTF_8) {
            return new String(bytes, start, length, StandardCharsets.UTF_8);
        } else if (tag == UTF_16_UNITS) {
            return utf16Units(bytes, start, length);
        }
        throw new IOException("spool string with unknown tag " + tag);
    }

    private static String utf16Units(byte[] bytes, int start, int length) {
        char[] chars = new char[length];
        int count = 0;
        int end = start + length;
        for (int i = start; i < end; ) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                chars[count++] = (char) b;
                i++;
            } else if (b < 0xE0) {
                chars[count++] = (char) ((b & 0x1F) << 6 | bytes[i + 1] & 0x3F);
                i += 2;
            } else {
                chars[count++] = (char) ((b & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | bytes[i + 2] & 0x3F);
                i += 3;
            }
        }
        return new String(chars, 0, count);
    }
}
