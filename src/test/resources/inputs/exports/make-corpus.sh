#!/usr/bin/env bash
# Regenerates the spreadsheet-export corpus in this folder, and the two layout samples
# sample-data/two-sheet.xlsx and sample-data/wide-layout.csv. See README.md for what each file is.
#
# Needs: bash, python3 (standard library only), LibreOffice Calc (soffice; Debian:
# apt-get install libreoffice-calc-nogui) and, for encrypted.xlsx, a Python with LibreOffice's "uno"
# module (Debian: python3-uno, which the LibreOffice packages pull in). Set UNO_PYTHON to choose it.
#
# The table content lives in corpus.py; the .fods files in sources/ are written from it first, so
# they can be opened in any spreadsheet program to see exactly what was converted.
# Workbooks LibreOffice writes carry the time of writing, so a rerun changes their bytes, not content.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
samples="$(cd "$here/../../../../.." && pwd)/sample-data"
sources="$here/sources"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
profile="file://$work/lo-profile"          # a throw-away LibreOffice profile
corpus() { python3 "$here/corpus.py" "$@"; }

# convert SOURCE FILTER OUTDIR: one LibreOffice conversion, failing loudly when nothing is written
convert() {
    local source="$1" filter="$2" outdir="$3" ext="${2%%:*}"
    mkdir -p "$outdir"
    soffice -env:UserInstallation="$profile" --headless --norestore \
        --convert-to "$filter" --outdir "$outdir" "$source" >"$work/soffice.log" 2>&1
    local produced="$outdir/$(basename "${source%.*}").$ext"
    [[ -s "$produced" ]] || { cat "$work/soffice.log" >&2; echo "no $produced" >&2; exit 1; }
}

# CSV filter options, by position: separator (as a character code), text delimiter, character set
# (76 UTF-8, 65535 UTF-16 with BOM, 1 Windows-1252, 2 Mac Roman, 4 DOS Latin 1, 33 Windows-1250,
# 34 Windows-1251, 60 Windows code page 932), line to start at, cell formats, language, quote
# all text cells, detect special numbers, save cell contents as shown, export formulas, remove spaces
csv_filter() { echo "csv:Text - txt - csv (StarCalc):$1,34,$2,1,,0,false,true,true,false,false"; }
XLSX='xlsx:Calc MS Excel 2007 XML'
XLS='xls:MS Excel 97'

mkdir -p "$sources"
corpus sources "$sources"

# 1-5: the common step table in the CSV flavours of Excel for Windows. LibreOffice writes the bytes
# (encoding, separator, quoting); corpus.py then ends rows with CRLF and adds a UTF-8 BOM where Excel
# writes one, since LibreOffice on Linux ends rows with LF and writes UTF-8 without a BOM.
convert "$sources/common-steps.fods" "$(csv_filter 44 76)"    "$work/comma-utf8"
convert "$sources/common-steps.fods" "$(csv_filter 59 76)"    "$work/semicolon-utf8"
convert "$sources/common-steps.fods" "$(csv_filter 9 65535)"  "$work/tab-utf16"
convert "$sources/common-steps.fods" "$(csv_filter 44 65535)" "$work/comma-utf16"
convert "$sources/common-steps.fods" "$(csv_filter 44 1)"     "$work/comma-cp1252"
corpus excel-csv "$work/comma-utf8/common-steps.csv"     "$here/excel-windows-bom.csv" utf-8 --bom
corpus excel-csv "$work/semicolon-utf8/common-steps.csv" "$here/excel-semicolon.csv"   utf-8 --bom
corpus excel-csv "$work/tab-utf16/common-steps.csv"      "$here/excel-unicode.txt"     utf-16
corpus excel-csv "$work/comma-utf16/common-steps.csv"    "$here/utf16.csv"             utf-16
corpus excel-csv "$work/comma-cp1252/common-steps.csv"   "$here/windows-1252.csv"      cp1252
corpus google-sheets "$here/google-sheets.csv"
# Excel for Windows' "CSV (MS-DOS)": the DOS code page (850 in Western Europe), which has no curly
# quotes, dashes or euro sign: LibreOffice writes "?" for them, as Excel does
convert "$sources/common-steps.fods" "$(csv_filter 44 4)"     "$work/comma-cp850"
corpus excel-csv "$work/comma-cp850/common-steps.csv"    "$here/excel-ms-dos.csv"      cp850
# Excel for Mac's "Comma Separated Values": Mac Roman, CR line ends
convert "$sources/common-steps.fods" "$(csv_filter 44 2)"     "$work/comma-macroman"
corpus excel-mac-csv "$work/comma-macroman/common-steps.csv"  "$here/excel-mac.csv"

# Excel for Windows' "CSV (Comma delimited)" in other scripts: each language's Windows code page
convert "$sources/russian-steps.fods"  "$(csv_filter 44 34)" "$work/comma-cp1251"
convert "$sources/polish-steps.fods"   "$(csv_filter 44 33)" "$work/comma-cp1250"
convert "$sources/japanese-steps.fods" "$(csv_filter 44 60)" "$work/comma-cp932"
corpus excel-csv "$work/comma-cp1251/russian-steps.csv"  "$here/excel-russian-windows-1251.csv" cp1251
corpus excel-csv "$work/comma-cp1250/polish-steps.csv"   "$here/excel-polish-windows-1250.csv"  cp1250
corpus excel-csv "$work/comma-cp932/japanese-steps.csv"  "$here/excel-japanese-cp932.csv"       cp932

# 6: typed cells (legacy.fods: dates-formulas.fods with one text formula as plain text, see corpus.py)
convert "$sources/dates-formulas.fods" "$XLSX" "$work/xlsx"
convert "$sources/legacy.fods"         "$XLS"  "$work/xls"
convert "$sources/dates-1904.fods"     "$XLSX" "$work/xlsx"
cp "$work/xlsx/dates-formulas.xlsx" "$here/dates-formulas.xlsx"
cp "$work/xlsx/dates-1904.xlsx"     "$here/dates-1904.xlsx"
cp "$work/xls/legacy.xls"           "$here/legacy.xls"

# 7-8: layouts
convert "$sources/two-sheet.fods"   "$XLSX"                  "$work/xlsx"
convert "$sources/wide-layout.fods" "$XLSX"                  "$work/xlsx"
convert "$sources/wide-layout.fods" "$(csv_filter 44 76)"    "$work/wide-csv"
cp "$work/xlsx/two-sheet.xlsx"       "$here/two-sheet.xlsx"
cp "$work/xlsx/wide-layout.xlsx"     "$here/wide-layout.xlsx"
cp "$work/wide-csv/wide-layout.csv"  "$here/wide-layout.csv"

# 9-15: broken and hostile files
corpus truncate "$here/dates-formulas.xlsx" "$here/truncated.xlsx"
corpus zip-bomb "$here/wide-layout.xlsx" "$here/zip-bomb.xlsx"
# converted next to a copy of its source, so the link is written as the bare name "schedules.xlsx"
mkdir -p "$work/external" && cp "$sources/external-links.fods" "$work/external/"
convert "$work/external/external-links.fods" "$XLSX" "$work/external"
cp "$work/external/external-links.xlsx" "$here/external-links.xlsx"
corpus junk "$here/junk.csv"
cp "$here/wide-layout.xlsx" "$here/workbook-named.csv"
corpus one-mb-cell "$here/one-mb-cell.csv"
corpus huge-shared-strings "$here/huge-shared-strings.xlsx"

uno_python="${UNO_PYTHON:-}"
if [[ -z "$uno_python" ]]; then
    for candidate in python3 /usr/bin/python3 /usr/lib/libreoffice/program/python; do
        if command -v "$candidate" >/dev/null && "$candidate" -c 'import uno' 2>/dev/null; then
            uno_python="$candidate"; break
        fi
    done
fi
if [[ -n "$uno_python" ]]; then
    "$uno_python" "$here/encrypt-xlsx.py" "$sources/common-steps.fods" "$here/encrypted.xlsx" apollo \
        "file://$work/lo-profile-uno"
else
    echo "no Python with the uno module: encrypted.xlsx left as it was" >&2
fi

# The samples for users
convert "$sources/sample-two-sheet.fods"   "$XLSX"               "$work/samples"
convert "$sources/sample-wide-layout.fods" "$(csv_filter 44 76)" "$work/samples"
cp "$work/samples/sample-two-sheet.xlsx"  "$samples/two-sheet.xlsx"
cp "$work/samples/sample-wide-layout.csv" "$samples/wide-layout.csv"

echo "corpus written to $here; samples to $samples"
