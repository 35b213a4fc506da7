package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which files that are not UTF-8 are refused as another script's code page, and which are left to be
 * read as Windows-1252, Mac Roman or DOS Latin 1. The Excel exports in Russian, Polish and Japanese are
 * in {@link TextExportCorpusTest}; these are the languages around them, one short step table each.
 */
class ForeignCodePageTest {

    private static final String HEADER = "sequence,step,subject,body\r\n";

    @TempDir
    Path dir;

    // Turkish shares most of its letters with Windows-1252: it takes a sentence or two to tell
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            windows-1253 | Greek   | Καλοκαιρινή καμπάνια | Καλημέρα {{first_name}}, έχουμε μια νέα προσφορά για την εταιρεία σας.
            windows-1254 | Turkish | Sonbahar kampanyası  | Merhaba {{first_name}}, şirketiniz için güzel bir teklifimiz var. Bu hafta kısa bir görüşme yapabilir miyiz? Saygılarımızla, Ayşe Yılmaz
            windows-1255 | Hebrew  | קמפיין סתיו           | שלום {{first_name}}, יש לנו הצעה חדשה עבור החברה שלך. האם נוכל לדבר השבוע?
            windows-1256 | Arabic  | حملة الخريف          | مرحبا {{first_name}}، لدينا عرض جديد لشركتكم. هل يمكننا التحدث هذا الأسبوع؟
            windows-1250 | Czech   | Podzimní kampaň      | Dobrý den {{first_name}}, rádi bychom vám představili naši nabídku pro vaši společnost.
            windows-1251 | Russian | Осенняя кампания     | Добрый день, {{first_name}}! Мы подготовили для вашей компании новое предложение.
            """)
    void refuses_text_in_another_scripts_code_page(String codePage, String language, String name, String body)
            throws IOException {
        Path file = write(codePage, name + ",1,Hello," + body + "\r\n");

        assertThatThrownBy(() -> refuseIfForeign(file, LegacyEncoding.WINDOWS_1252))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("is not UTF-8, and its text looks like " + language + " in " + codePage
                        + ", not windows-1252: line 2 reads ")
                .hasMessageContaining("set input.encoding=" + codePage);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            windows-1252 | Relance café       | Bonjour {{first_name}}, voilà notre offre spéciale pour l’été – à bientôt.
            windows-1252 | Grüße aus Köln     | Hallo {{first_name}}, schöne Grüße aus München. Größere Rabatte für Ihre Bäckerei.
            windows-1252 | Campaña de otoño   | Hola {{first_name}}, ¿cómo está? Le envío la información de la promoción del año.
            windows-1252 | Campanha de verão  | Olá {{first_name}}, a promoção de verão começa já. Não perca a ocasião.
            windows-1252 | Sommarkampanj      | Hej {{first_name}}, vår nya tjänst gör det lättare för ert företag att växa.
            windows-1252 | Efterårskampagne   | Hej {{first_name}}, vi har et nyt tilbud til jeres forretning. Kan vi ses på fredag?
            windows-1252 | Autumn outbound    | Hi {{first_name}}, it’s been a while – here’s what’s new at “Acme”.
            windows-1252 | Café               | Hello
            x-MacRoman   | Citroën België    | Citroën, Noël, naïve, Zoë, coöperatie, België, reünie, ideeën, financiële
            x-MacRoman   | Syyskampanja       | Hei {{first_name}}! Yhteistyö ja sähköposti tästä päivästä. Kiitos yhteistyöstä, hyvää syksyä ja mukavaa päivää. Ystävällisin terveisin, Jäätteenmäki. Hei {{first_name}}! Yhteistyö ja sähköposti tästä päivästä. Kiitos yhteistyöstä, hyvää syksyä ja mukavaa päivää. Ystävällisin terveisin, Jäätteenmäki
            windows-1252 | Seq                | team Düsseldorf Größe Straße Þórður next Åsa Köln
            windows-1252 | Syyskampanja       | Hei {{first_name}}! Yhteistyö ja sähköposti tästä päivästä. Kiitos yhteistyöstä, hyvää syksyä ja mukavaa päivää. Ystävällisin terveisin, Jäätteenmäki. Hei {{first_name}}! Yhteistyö ja sähköposti tästä päivästä. Kiitos yhteistyöstä, hyvää syksyä ja mukavaa päivää. Ystävällisin terveisin, Jäätteenmäki
            x-MacRoman   | S                  | Ystävällisin terveisin, Jäätteenmäki. Lugupidamisega, Jüri Õun. Lugupidamisega, Jüri Õun. Täname koostöö eest, õnnelikku päeva! Yhteistyö ja sähköposti tästä päivästä. Yhteistyö ja sähköposti tästä päivästä. Dobrý den, rádi bychom vám nabídli pomoc. Dobrý den, rádi bychom vám nabídli pomoc. Máme nový produkt pro vás, který je levný a výkonný. Lugupidamisega, Jüri Õun.
            windows-1252 | S                  | Máme nový produkt pro vás, který je levný a výkonný. Søren Kierkegård i Tromsø og Ærø.
            windows-1252 | S                  | Täname koostöö eest, õnnelikku päeva! Yhteistyö ja sähköposti tästä päivästä. Yhteistyö ja sähköposti tästä päivästä. Dobrý den, rádi bychom vám nabídli pomoc. Dobrý den, rádi bychom vám nabídli pomoc. Máme nový produkt pro vás, který je levný a výkonný.
            x-MacRoman   | Relance café       | Bonjour {{first_name}}, voilà notre offre spéciale pour l’été – à bientôt.
            IBM00858     | Grüße aus Köln     | Hallo {{first_name}}, schöne Grüße aus München. Größere Rabatte für Ihre Bäckerei.
            """)
    void leaves_western_european_text_to_the_legacy_encodings(String encoding, String name, String body)
            throws IOException {
        Path file = write(encoding, name + ",1,Hello," + body + "\r\n");

        // as LegacyEncoding reads each of them
        assertThatCode(() -> refuseIfForeign(file, Charset.forName(encoding)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\r"})
    void judges_the_lines_with_accents_wherever_they_stand(String lineEnd) throws IOException {
        // ten thousand English rows first: a detector fed the file's first kilobytes would see only ASCII
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            text.append("Outbound ").append(i).append(",1,Hello,Hi {{first_name}}, a quick question.").append(lineEnd);
        }
        text.append("Осенняя кампания,1,Привет,Добрый день! Мы подготовили для вас новое предложение.").append(lineEnd);
        Path file = write("windows-1251", text.toString().replace("\r\n", lineEnd));

        assertThatThrownBy(() -> refuseIfForeign(file, LegacyEncoding.WINDOWS_1252))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("line 10002 reads \"Îñåííÿÿ\" as windows-1252 and \"Осенняя\" as windows-1251");
    }

    /** Each condition of the decision at its edge: the scores ICU gives, one step either side. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            clear win                                   | 40 | 20 | 30 | false | 40 | true  | true
            too few bytes beyond ASCII                  |  7 | 10 | 60 | false |  7 | true  | false
            just enough bytes beyond ASCII              |  8 | 10 | 60 | false |  8 | true  | true
            long sample, short of the margin            | 40 | 20 | 29 | false | 40 | true  | false
            short sample, at the long margin            | 31 | 20 | 30 | false | 31 | true  | false
            short sample, at the short margin           | 31 | 20 | 40 | false | 31 | true  | true
            letters mostly shared                       | 40 | 10 | 40 | false |  9 | true  | false
            a quarter read otherwise                    | 40 | 10 | 40 | false | 10 | true  | true
            Mac Roman or DOS against a single-byte page | 40 | 10 | 40 | false | 40 | false | false
            Mac Roman or DOS against an East Asian page | 40 | 10 | 40 | true  | 40 | false | true
            """)
    void decides_by_each_condition_at_its_edge(String situation, int beyondAscii, int western, int other,
                                               boolean doubleByte, int readOtherwise, boolean windows1252,
                                               boolean foreign) {
        assertThat(new ForeignCodePage.Evidence(beyondAscii, western, other, doubleByte, readOtherwise, windows1252)
                .isForeign()).isEqualTo(foreign);
    }

    /** As the reader calls it: the sample gathered in the pass that votes on the legacy encoding. */
    private static void refuseIfForeign(Path file, Charset legacy) throws IOException {
        ForeignCodePage.Sample sample = new ForeignCodePage.Sample();
        LegacyEncoding.of(file, sample);
        ForeignCodePage.refuseIfForeign(file, legacy, sample.bytes());
    }

    private Path write(String encoding, String rows) throws IOException {
        return Files.write(dir.resolve("export.csv"), (HEADER + rows).getBytes(Charset.forName(encoding)));
    }
}
