package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictTextReaderTest {

    @Test
    void decodes_multibyte_characters_split_across_read_blocks() throws IOException {
        // 16,383 ASCII bytes put the 4-byte emoji across the decoder's 16 KiB block boundary
        String text = "a".repeat(16_383) + "🌷 café\n";

        assertThat(readAll(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void names_byte_offset_and_line_of_the_first_invalid_byte_beyond_the_first_block() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < 10_000; i++) {
            bytes.writeBytes("row,ok\n".getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes(new byte[] {'x', (byte) 0xE9, 'y'});

        assertThatThrownBy(() -> readAll(bytes.toByteArray()))
                .isInstanceOfSatisfying(StrictTextReader.InvalidTextException.class, e -> {
                    assertThat(e.byteOffset()).isEqualTo(70_001);
                    assertThat(e.line()).isEqualTo(10_001);
                });
    }

    @Test
    void refuses_a_multibyte_character_cut_off_at_the_end() {
        byte[] truncated = {'o', 'k', (byte) 0xF0, (byte) 0x9F};

        assertThatThrownBy(() -> readAll(truncated)).isInstanceOf(StrictTextReader.InvalidTextException.class)
                .hasMessage("invalid UTF-8 at byte offset 2 (line 1)");
    }

    @Test
    void refuses_binary_data_only_when_asked_naming_the_character_and_its_line() throws IOException {
        byte[] bytes = "a,b\n\t\r\u000b\u000c\u001a\nx\u0000y\n".getBytes(StandardCharsets.UTF_8);

        assertThat(readAll(bytes)).endsWith("x\u0000y\n");
        assertThatThrownBy(() -> readAll(new StrictTextReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)
                .refusingBinaryData())).isInstanceOfSatisfying(StrictTextReader.BinaryDataException.class,
                        e -> assertThat(e).hasMessage("control character U+0000 on line 3"));
    }

    @Test
    void refuses_a_nul_character_before_the_first_line_break_as_binary_data() {
        // until the first line break settles the line end, no character may be taken for one
        byte[] bytes = "sequence\u0000,step\nA,1\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> readAll(new StrictTextReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)
                .refusingBinaryData())).hasMessage("control character U+0000 on line 1");
    }

    @Test
    void counts_no_line_for_a_nul_character_before_the_first_line_break() {
        byte[] bytes = {'a', 0, 0, 'b', '\n', 'x', (byte) 0xE9, 'y'};

        assertThatThrownBy(() -> readAll(bytes)).isInstanceOf(StrictTextReader.InvalidTextException.class)
                .hasMessage("invalid UTF-8 at byte offset 6 (line 2)");
    }

    @Test
    void counts_lines_that_end_in_a_bare_cr_as_excel_for_mac_writes_them() {
        byte[] bytes = ("row,ok\r".repeat(10_000) + "x\u0000y\r").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> readAll(new StrictTextReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)
                .refusingBinaryData())).hasMessage("control character U+0000 on line 10001");
    }

    @Test
    void tells_the_line_end_when_the_first_cr_ends_a_decoded_block() {
        // the reader decodes 16 KiB at a time: the first CR is the last character of the first block
        String first = "a".repeat(16_383);
        byte[] mac = (first + "\r" + "b\r".repeat(5) + "\u0000").getBytes(StandardCharsets.UTF_8);
        byte[] windows = (first + "\r\n" + "b\r\n".repeat(5) + "\u0000").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> readAll(new StrictTextReader(new ByteArrayInputStream(mac), StandardCharsets.UTF_8)
                .refusingBinaryData())).hasMessage("control character U+0000 on line 7");
        assertThatThrownBy(() -> readAll(new StrictTextReader(new ByteArrayInputStream(windows), StandardCharsets.UTF_8)
                .refusingBinaryData())).hasMessage("control character U+0000 on line 7");
    }

    @Test
    void skipping_the_rest_still_finds_a_problem_further_on() throws IOException {
        byte[] bytes = ("row,ok\n".repeat(10_000) + "x\u0007y\n").getBytes(StandardCharsets.UTF_8);

        try (StrictTextReader reader = new StrictTextReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)
                .refusingBinaryData()) {
            assertThat(reader.read(new char[10])).isEqualTo(10);
            assertThatThrownBy(reader::skipRest).isInstanceOf(StrictTextReader.BinaryDataException.class)
                    .hasMessage("control character U+0007 on line 10001");
        }
    }

    private static String readAll(byte[] bytes) throws IOException {
        return readAll(new StrictTextReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        try (reader) {
            char[] buffer = new char[1000];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                out.append(buffer, 0, n);
            }
        }
        return out.toString();
    }
}
