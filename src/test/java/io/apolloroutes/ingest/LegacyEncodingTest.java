package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LegacyEncodingTest {

    /** Lines a sequence might hold, in the languages whose accents the two encodings place differently. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Voilà, l’équipe a préparé un café crème — très « spécial »… Ça va, Noël !",
            "Grüße aus München: die Bücher über Straßenbahnen kosten 12 €. „Schön“ – sagt Jürgen.",
            "El señor Muñoz comió piña en Año Nuevo; ¿qué tal? Canción, corazón, después.",
            "Hi {{first_name}}, it’s been a while — “quick” question… Zoë from Köln.",
            "Smörgåsbord på Åland, Øresund og Ærø. Naïve façade, résumé, jalapeño.",
            "ÉCOLE NORMALE — Élysée, Ève, Über Österreich, Ångström",
            "(„schön“) [façon] {naïve}",
            "Our Platform™ is well—known: 2019–2020 “quoted” ‘single’ rock’n’roll •bullet"})
    void tells_windows_1252_from_mac_roman_by_what_fits_next_to_letters(String text) throws IOException {
        assertThat(guess(text, LegacyEncoding.WINDOWS_1252)).isEqualTo(LegacyEncoding.WINDOWS_1252);
        assertThat(guess(text, LegacyEncoding.MAC_ROMAN)).isEqualTo(LegacyEncoding.MAC_ROMAN);
    }

    /** The same kind of lines, without the characters the DOS code page lacks (curly quotes, dashes, €). */
    @ParameterizedTest
    @ValueSource(strings = {
            "Voilà, l'équipe a préparé un café crème, très « spécial »... Ça va, Noël !",
            "Grüße aus München: die Bücher über Straßenbahnen kosten 12 Euro. Schön, sagt Jürgen.",
            "El señor Muñoz comió piña en Año Nuevo; ¿qué tal? Canción, corazón, después.",
            "Hi {{first_name}}, it's been a while. Zoë from Köln asked about the São Paulo café.",
            "Smörgåsbord på Åland, Øresund og Ærø. Naïve façade, résumé, jalapeño."})
    void tells_dos_latin_1_from_windows_1252_and_mac_roman(String text) throws IOException {
        assertThat(guess(text, LegacyEncoding.DOS_LATIN_1)).isEqualTo(LegacyEncoding.DOS_LATIN_1);
        assertThat(guess(text, LegacyEncoding.WINDOWS_1252)).isEqualTo(LegacyEncoding.WINDOWS_1252);
        assertThat(guess(text, LegacyEncoding.MAC_ROMAN)).isEqualTo(LegacyEncoding.MAC_ROMAN);
    }

    @Test
    void a_low_quote_right_after_a_letter_is_a_misreading() throws IOException {
        // DOS Latin 1's "é" (82) is Windows-1252's "‚", which opens a quote and never ends a word: "caf‚"
        assertThat(guess("Un café, deux cafés.", LegacyEncoding.DOS_LATIN_1)).isEqualTo(LegacyEncoding.DOS_LATIN_1);
    }

    /**
     * Windows-1252 text whose only clues beside words are what Mac Roman reads as a letter or symbol:
     * "I´m" would be "I¥m", "Srª" would be "Sr™", "Terms¹" would be "Termsπ".
     */
    @ParameterizedTest
    @ValueSource(strings = {
            // English typed on a German or Spanish keyboard, with one accented name and an ellipsis
            "Hi {{first_name}}, I´m reaching out because your team´s pipeline… Let´s talk? José",
            "It´s been a while – I´d love to show you what we´ve built. Don´t miss it!",
            "Prezada Srª Costa, a Exmª Drª Silva pediu a 1ª reunião para o nº 5.",
            "Offer valid until Friday¹ for new customers²; terms apply."})
    void reads_characters_people_type_next_to_words_as_windows_1252(String text) throws IOException {
        assertThat(guess(text, LegacyEncoding.WINDOWS_1252)).isEqualTo(LegacyEncoding.WINDOWS_1252);
    }

    @Test
    void an_acute_accent_typed_for_an_apostrophe_is_no_clue_against_mac_roman() throws IOException {
        // Mac Roman's "´" (AB) is Windows-1252's "«"; "ü" (9F) is "Ÿ", a capital inside a word
        assertThat(guess("Hallo, wie geht´s? Grüße", LegacyEncoding.MAC_ROMAN)).isEqualTo(LegacyEncoding.MAC_ROMAN);
    }

    @Test
    void a_capital_inside_a_word_is_a_misreading() throws IOException {
        // Mac Roman's é (8E) is Windows-1252's Ž: "cafŽ" does not fit, "café" does
        assertThat(LegacyEncoding.of(bytes('c', 'a', 'f', 0x8E, ' '))).isEqualTo(LegacyEncoding.MAC_ROMAN);
        // Windows-1252's é (E9) is Mac Roman's È
        assertThat(LegacyEncoding.of(bytes('c', 'a', 'f', 0xE9, ' '))).isEqualTo(LegacyEncoding.WINDOWS_1252);
    }

    @Test
    void a_capital_starting_a_word_fits() throws IOException {
        // Windows-1252's É (C9) starting "École" is Mac Roman's "…": both fit, so the tie stays Windows-1252
        assertThat(LegacyEncoding.of(bytes(' ', 0xC9, 'c', 'o', 'l', 'e'))).isEqualTo(LegacyEncoding.WINDOWS_1252);
        // after a letter the same capital is a misreading: Mac Roman's "…" (C9) ending "wait…"
        assertThat(LegacyEncoding.of(bytes('w', 'a', 'i', 't', 0xC9, ' '))).isEqualTo(LegacyEncoding.MAC_ROMAN);
    }

    @Test
    void an_opening_quote_fits_before_a_word() throws IOException {
        // Windows-1252's German opening quote (84) is Mac Roman's Ñ, which would also fit starting a word
        assertThat(guess("Er sagt „bitte“ und geht.", LegacyEncoding.WINDOWS_1252)).isEqualTo(LegacyEncoding.WINDOWS_1252);
    }

    @Test
    void a_byte_away_from_letters_says_nothing_and_the_tie_is_windows_1252() throws IOException {
        // 81 is undefined in Windows-1252, so the file will be refused at it rather than read as Mac Roman's Å
        assertThat(LegacyEncoding.of(bytes('A', ',', '1', ',', 0x81, ',', 'x', '\n'))).isEqualTo(LegacyEncoding.WINDOWS_1252);
    }

    @Test
    void a_byte_windows_1252_leaves_undefined_next_to_a_letter_is_mac_roman() throws IOException {
        // Mac Roman's ç (8D) in "français"
        assertThat(LegacyEncoding.of(bytes('f', 'r', 'a', 'n', 0x8D, 'a', 'i', 's'))).isEqualTo(LegacyEncoding.MAC_ROMAN);
    }

    @Test
    void the_whole_file_decides_not_its_first_accent() throws IOException {
        // one Windows-1252 "café" up front, then many Mac Roman accents further on
        byte[] windows = "Café\n".getBytes(LegacyEncoding.WINDOWS_1252);
        byte[] mac = "Müller, Zoë, crème brûlée, señor\n".repeat(1_000).getBytes(LegacyEncoding.MAC_ROMAN);
        byte[] both = new byte[windows.length + mac.length];
        System.arraycopy(windows, 0, both, 0, windows.length);
        System.arraycopy(mac, 0, both, windows.length, mac.length);

        assertThat(LegacyEncoding.of(new ByteArrayInputStream(both))).isEqualTo(LegacyEncoding.MAC_ROMAN);
    }

    private static Charset guess(String text, Charset written) throws IOException {
        return LegacyEncoding.of(new ByteArrayInputStream(text.getBytes(written)));
    }

    private static ByteArrayInputStream bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return new ByteArrayInputStream(bytes);
    }
}
