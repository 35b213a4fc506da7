package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Q3 plan.ods|save it as Excel 2007-365 (.xlsx) or export it as CSV",
            "Q3 plan.numbers|in Numbers use File > Export To > Excel (.xlsx) or CSV",
            "Q3 plan.XLSB|in Excel save it as Excel Workbook (.xlsx)",
            "Q3 plan.gsheet|is a Google Drive shortcut, not the sheet itself"})
    void tells_how_to_get_a_readable_file_out_of_spreadsheet_formats_it_does_not_read(String name, String advice) {
        assertThat(InputFormat.forFileName(name)).isEmpty();
        assertThat(InputFormat.unreadableAdvice(name)).contains(advice);
    }

    @ParameterizedTest
    @CsvSource({"notes.docx", "README", "archive.zip"})
    void lists_the_file_types_it_reads_for_anything_else(String name) {
        assertThat(InputFormat.unreadableAdvice(name))
                .isEqualTo("is not a file type the pack reads; use .csv, .tsv, .txt, .xlsx, .xls, .json, .jsonl or .ndjson");
    }
}
