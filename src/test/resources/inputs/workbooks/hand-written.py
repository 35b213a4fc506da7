#!/usr/bin/env python3
"""Writes the hand-written workbooks of this folder (see README.md): packages of XML parts as programs
other than Excel and LibreOffice write them, or with the number formats a recent Excel writes, byte
for byte. Only the standard library is needed; run it in this folder. The zip entries carry a fixed
time, so a rerun gives the same bytes."""
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml."
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def styles(formats):
    """styles.xml with one cell style per number format: style i (from 1) has formats[i-1]."""
    num_fmts = "".join('<numFmt numFmtId="%d" formatCode="%s"/>' % (164 + i, esc(f)) for i, f in enumerate(formats))
    xfs = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' + "".join(
        '<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' % (164 + i)
        for i in range(len(formats)))
    return (XML + '<styleSheet xmlns="%s">' % MAIN
            + ('<numFmts count="%d">%s</numFmts>' % (len(formats), num_fmts) if formats else "")
            + '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/>'
            + '<scheme val="minor"/></font></fonts>'
            + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
            + '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            + '<cellXfs count="%d">%s</cellXfs>' % (len(formats) + 1, xfs)
            + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def shared_string(item):
    """A text, or (text, [(start, end, guide)]): a text with phonetic guides (furigana) over characters
    start to end, as Excel for Japanese stores what was typed through the IME."""
    if isinstance(item, tuple):
        text, guides = item
        return ('<si><t>%s</t>' % esc(text) + "".join('<rPh sb="%d" eb="%d"><t>%s</t></rPh>' % (sb, eb, esc(g))
                                                     for sb, eb, g in guides)
                + '<phoneticPr fontId="1"/></si>')
    return '<si><t xml:space="preserve">%s</t></si>' % esc(item)


def package(name, sheet_xml, style_xml, shared_strings=None, absolute=False, sheet_name="Sheet1", chart_first=None):
    """One worksheet; with chart_first, a chart sheet of that name in front of it, as Excel saves a chart
    moved to a sheet of its own (Chart Design > Move Chart > New sheet)."""
    target = (lambda part: "/xl/" + part) if absolute else (lambda part: part)
    overrides = [("/xl/workbook.xml", "sheet.main+xml"), ("/xl/worksheets/sheet1.xml", "worksheet+xml"),
                 ("/xl/styles.xml", "styles+xml")]
    rels = [("worksheet", "worksheets/sheet1.xml"), ("styles", "styles.xml")]
    if shared_strings is not None:
        overrides.append(("/xl/sharedStrings.xml", "sharedStrings+xml"))
        rels.append(("sharedStrings", "sharedStrings.xml"))
    sheets = '<sheet name="%s" sheetId="1" r:id="rId1"/>' % esc(sheet_name)
    if chart_first:
        overrides += [("/xl/chartsheets/sheet1.xml", "chartsheet+xml"),
                      ("/xl/drawings/drawing1.xml", DRAWING_CT), ("/xl/charts/chart1.xml", CHART_CT)]
        rels.append(("chartsheet", "chartsheets/sheet1.xml"))
        sheets = '<sheet name="%s" sheetId="2" r:id="rId%d"/>' % (esc(chart_first), len(rels)) + sheets
    parts = {
        "[Content_Types].xml": XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        + '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join('<Override PartName="%s" ContentType="%s"/>' % (p, t if t.startswith("application/") else CT + t)
                  for p, t in overrides) + "</Types>",
        "_rels/.rels": XML + '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument"'
        ' Target="xl/workbook.xml"/></Relationships>' % (PKG, REL),
        "xl/workbook.xml": XML + '<workbook xmlns="%s" xmlns:r="%s"><workbookPr/><bookViews><workbookView/></bookViews>'
        '<sheets>%s</sheets></workbook>' % (MAIN, REL, sheets),
        "xl/_rels/workbook.xml.rels": XML + '<Relationships xmlns="%s">' % PKG + "".join(
            '<Relationship Id="rId%d" Type="%s/%s" Target="%s"/>' % (i + 1, REL, t, target(p))
            for i, (t, p) in enumerate(rels)) + "</Relationships>",
        "xl/styles.xml": style_xml,
        "xl/worksheets/sheet1.xml": XML + '<worksheet xmlns="%s" xmlns:r="%s">%s</worksheet>' % (MAIN, REL, sheet_xml),
    }
    if shared_strings is not None:
        parts["xl/sharedStrings.xml"] = XML + '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>' % (
            MAIN, len(shared_strings), len(shared_strings),
            "".join(shared_string(s) for s in shared_strings))
    if chart_first:
        parts.update(chart_sheet_parts(sheet_name))
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in parts.items():
            z.writestr(zipfile.ZipInfo(part, (1980, 1, 1, 0, 0, 0)), text.encode("utf-8"), zipfile.ZIP_DEFLATED)


DRAWING_CT = "application/vnd.openxmlformats-officedocument.drawing+xml"
CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
DML = "http://schemas.openxmlformats.org/drawingml/2006"


def chart_sheet_parts(data_sheet):
    """A chart sheet as Excel writes it: the sheet part holds only a drawing, whose one frame holds a
    column chart of the data sheet's wait times."""
    return {
        "xl/chartsheets/sheet1.xml": XML + '<chartsheet xmlns="%s" xmlns:r="%s"><sheetPr/><sheetViews>'
        '<sheetView zoomScale="115" workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7"'
        ' right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>'
        % (MAIN, REL),
        "xl/chartsheets/_rels/sheet1.xml.rels": XML + '<Relationships xmlns="%s"><Relationship Id="rId1"'
        ' Type="%s/drawing" Target="../drawings/drawing1.xml"/></Relationships>' % (PKG, REL),
        "xl/drawings/drawing1.xml": XML + '<xdr:wsDr xmlns:xdr="%s/spreadsheetDrawing" xmlns:a="%s/main">'
        '<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8667750" cy="6286500"/><xdr:graphicFrame macro="">'
        '<xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr><a:graphicFrameLocks'
        ' noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0"'
        ' cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="%s/chart"><c:chart xmlns:c="%s/chart" xmlns:r="%s"'
        ' r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor>'
        '</xdr:wsDr>' % (DML, DML, DML, DML, REL),
        "xl/drawings/_rels/drawing1.xml.rels": XML + '<Relationships xmlns="%s"><Relationship Id="rId1"'
        ' Type="%s/chart" Target="../charts/chart1.xml"/></Relationships>' % (PKG, REL),
        "xl/charts/chart1.xml": XML + '<c:chartSpace xmlns:c="%s/chart" xmlns:a="%s/main" xmlns:r="%s"><c:chart>'
        '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping'
        ' val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef>'
        "<c:f>'%s'!$D$2:$D$3</c:f></c:numRef></c:val></c:ser><c:axId val=\"1\"/><c:axId val=\"2\"/></c:barChart>"
        '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
        '<c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation'
        ' val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>'
        '</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>' % (DML, DML, REL,
                                                                            esc(data_sheet.replace("'", "''"))),
    }


def col(i):
    letters = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        letters = chr(65 + r) + letters
    return letters


class Strings:
    """A shared-strings table as Excel builds it: each distinct text once, in order of first use."""

    def __init__(self):
        self.items = []

    def cell(self, ref, text, style=None):
        if text not in self.items:
            self.items.append(text)
        return '<c r="%s"%s t="s"><v>%d</v></c>' % (ref, ' s="%d"' % style if style else "", self.items.index(text))


def excel_language_tagged_dates():
    """Date and time formats as Excel 2016 and later write them: "Long Date" and "Time" from the Home
    tab's number format list ([$-x-sysdate], [$-x-systime]), and formats picked with a locale in the
    Format Cells dialog ([$-en-US], [$-en-GB]). Shared strings, as Excel writes text."""
    formats = ["[$-en-US]m/d/yyyy h:mm AM/PM;@", "[$-x-sysdate]dddd, mmmm dd, yyyy",
               "[$-x-systime]h:mm:ss AM/PM", "[$-en-GB]dd/mm/yyyy;@"]
    s = Strings()
    header = ["sequence", "exact_daytime", "step", "type", "wait_time", "wait_mode", "exact_datetime", "subject",
              "body", "launch_day", "call_time", "review_on"]
    rows = ['<row r="1" spans="1:12">' + "".join(s.cell("%s1" % col(i), h) for i, h in enumerate(header)) + "</row>"]
    rows.append('<row r="2" spans="1:12">' + s.cell("A2", "Q4 Launch") + '<c r="B2" t="b"><v>1</v></c>'
                + '<c r="C2"><v>1</v></c>' + s.cell("D2", "auto_email") + '<c r="E2"><v>0</v></c>'
                + s.cell("F2", "minute") + '<c r="G2" s="1"><v>46357.395833333336</v></c>'
                + s.cell("H2", "Launch day, {{first_name}}") + s.cell("I2", "Hi {{first_name}}, we are live today.")
                + '<c r="J2" s="2"><v>46357</v></c><c r="K2" s="3"><v>0.625</v></c>'
                + '<c r="L2" s="4"><v>46364</v></c></row>')
    rows.append('<row r="3" spans="1:12">' + s.cell("A3", "Q4 Launch") + '<c r="C3"><v>2</v></c>'
                + s.cell("D3", "call") + '<c r="E3"><v>2</v></c>' + s.cell("F3", "day")
                + '<c r="G3" s="1"><f>G2+2+1/24</f><v>46359.4375</v></c><c r="K3" s="3"><v>0.4375</v></c></row>')
    sheet = ('<dimension ref="A1:L3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>'
             '<sheetFormatPr defaultRowHeight="15"/><sheetData>' + "".join(rows) + "</sheetData>"
             '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
    package("excel-language-tagged-dates.xlsx", sheet, styles(formats), shared_strings=s.items)


def japanese_styles(builtin_ids):
    """styles.xml as Excel in Japanese writes it: Yu Gothic (游ゴシック) as the font, cells centred
    vertically, the "Normal" style named 標準, and a built-in format named by its id alone, without a
    numFmt element. Style i (from 1) has builtin_ids[i-1]."""
    xfs = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>' + "".join(
        '<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1">'
        '<alignment vertical="center"/></xf>' % i for i in builtin_ids)
    return (XML + '<styleSheet xmlns="%s">' % MAIN
            + '<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="游ゴシック"/><family val="2"/>'
            + '<charset val="128"/><scheme val="minor"/></font><font><sz val="6"/><name val="游ゴシック"/>'
            + '<family val="3"/><charset val="128"/><scheme val="minor"/></font></fonts>'
            + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
            + '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/>'
            + '</xf></cellStyleXfs>'
            + '<cellXfs count="%d">%s</cellXfs>' % (len(builtin_ids) + 1, xfs)
            + '<cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def excel_japanese_builtin_dates():
    """Dates and times in the built-in formats of Excel in Japanese, which it stores as an id alone,
    without a format code: 31 (yyyy"年"m"月"d"日"), 56 (m"月"d"日"), 32 (h"時"mm"分"), 58
    ([$-411]ggge"年"m"月"d"日", the Japanese era) and 55 (yyyy"年"m"月"). The same ids mean other formats
    in Chinese (55 and 56 are 上午/下午 times there). Shared strings, as Excel writes text."""
    s = Strings()
    header = ["sequence", "step", "type", "wait_time", "wait_mode", "subject", "body", "launch_day", "review_on",
              "call_time", "era_day", "launch_month"]
    rows = ['<row r="1" spans="1:12">' + "".join(s.cell("%s1" % col(i), h) for i, h in enumerate(header)) + "</row>"]
    rows.append('<row r="2" spans="1:12">' + s.cell("A2", "Q4 Launch") + '<c r="B2"><v>1</v></c>'
                + s.cell("C2", "auto_email") + '<c r="D2"><v>0</v></c>' + s.cell("E2", "minute")
                + s.cell("F2", "Launch day, {{first_name}}") + s.cell("G2", "Hi {{first_name}}, we are live today.")
                + '<c r="H2" s="1"><v>46357</v></c><c r="I2" s="2"><v>46364</v></c><c r="J2" s="3"><v>0.625</v></c>'
                + '<c r="K2" s="4"><v>46359</v></c><c r="L2" s="5"><v>46357</v></c></row>')
    rows.append('<row r="3" spans="1:12">' + s.cell("A3", "Q4 Launch") + '<c r="B3"><v>2</v></c>'
                + s.cell("C3", "call") + '<c r="D3"><v>2</v></c>' + s.cell("E3", "day")
                + '<c r="J3" s="3"><v>0.4375</v></c></row>')
    sheet = ('<dimension ref="A1:L3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>'
             '<sheetFormatPr defaultRowHeight="18.75"/><sheetData>' + "".join(rows) + "</sheetData>"
             '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>')
    package("excel-japanese-builtin-dates.xlsx", sheet, japanese_styles([31, 56, 32, 58, 55]),
            shared_strings=s.items)


def inline(ref, text):
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return '<c r="%s" t="inlineStr"><is><t%s>%s</t></is></c>' % (ref, space, esc(text))


def openpyxl_formulas():
    """What openpyxl 3.1 writes: text as inline strings (no shared-strings part), relationship targets
    as absolute part names (/xl/worksheets/sheet1.xml), and a formula as <f> followed by an empty <v>,
    since openpyxl does not calculate formulas."""
    header = ["sequence", "step", "type", "wait_time", "wait_mode", "subject", "body"]
    rows = ['<row r="1">' + "".join(inline("%s1" % col(i), h) for i, h in enumerate(header)) + "</row>"]
    rows.append('<row r="2">' + inline("A2", "Partner Nurture") + '<c r="B2" t="n"><v>1</v></c>'
                + inline("C2", "auto_email") + '<c r="D2" t="n"><v>0</v></c>' + inline("E2", "minute")
                + '<c r="F2"><f>CONCATENATE("Quick question, ","{{first_name}}")</f><v></v></c>'
                + inline("G2", "Hi {{first_name}}, do you have ten minutes this week?") + "</row>")
    rows.append('<row r="3">' + inline("A3", "Partner Nurture") + '<c r="B3" t="n"><v>2</v></c>'
                + inline("C3", "auto_email") + '<c r="D3"><f>B3+1</f><v></v></c>' + inline("E3", "day")
                + inline("G3", "Hi {{first_name}}, just bringing this back up. ") + "</row>")
    sheet = ('<sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr>'
             '<dimension ref="A1:G3"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1"'
             ' sqref="A1"/></sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>'
             '<sheetData>' + "".join(rows) + '</sheetData><pageMargins left="0.75" right="0.75" top="1"'
             ' bottom="1" header="0.5" footer="0.5"/>')
    package("openpyxl-formulas.xlsx", sheet, styles([]), absolute=True)


def long_whole_numbers():
    """Whole numbers with more digits than Excel keeps (15), as programs write an integer column:
    pandas through openpyxl or xlsxwriter and SheetJS write a 16-digit number exactly ("%.16g"), and Go's
    excelize writes an int64 with all its digits (strconv.FormatInt). Shared strings, as excelize
    writes text; the ids stand in a column the pack does not know, so they reach failed-rows.csv."""
    s = Strings()
    header = ["sequence", "step", "type", "wait_time", "wait_mode", "subject", "body", "crm_id"]
    rows = ['<row r="1">' + "".join(s.cell("%s1" % col(i), h) for i, h in enumerate(header)) + "</row>"]
    for r, (step, wait, mode, subject, body, crm_id) in enumerate([
            (1, 0, "minute", "Welcome, {{first_name}}", "Hi {{first_name}}, welcome aboard.", "1234567890123456"),
            (2, 3, "day", "", "Hi {{first_name}}, any questions so far?", "-9007199254740993"),
            (3, 4, "day", "", "Hi {{first_name}}, one last tip.", "1152921504606846977")], start=2):
        cells = [s.cell("A%d" % r, "Onboarding"), '<c r="B%d"><v>%d</v></c>' % (r, step), s.cell("C%d" % r, "auto_email"),
                 '<c r="D%d"><v>%d</v></c>' % (r, wait), s.cell("E%d" % r, mode)]
        if subject:
            cells.append(s.cell("F%d" % r, subject))
        cells += [s.cell("G%d" % r, body), '<c r="H%d"><v>%s</v></c>' % (r, crm_id)]
        rows.append('<row r="%d">%s</row>' % (r, "".join(cells)))
    sheet = '<dimension ref="A1:H4"/><sheetData>' + "".join(rows) + "</sheetData>"
    package("long-whole-numbers.xlsx", sheet, styles([]), shared_strings=s.items)


def excel_chart_sheet_first():
    """A chart moved to a sheet of its own, dragged in front of the data: the chart sheet is the first tab."""
    s = Strings()
    header = ["sequence", "step", "type", "wait_time", "wait_mode", "subject", "body"]
    rows = ['<row r="1">' + "".join(s.cell("%s1" % col(i), h) for i, h in enumerate(header)) + "</row>"]
    for r, (step, wait, subject, body) in enumerate([
            (1, 0, "Quick question, {{first_name}}", "Hi {{first_name}}, do you have ten minutes this week?"),
            (2, 3, "", "Hi {{first_name}}, just bringing this back up.")], start=2):
        cells = [s.cell("A%d" % r, "Q4 Launch"), '<c r="B%d"><v>%d</v></c>' % (r, step), s.cell("C%d" % r, "auto_email"),
                 '<c r="D%d"><v>%d</v></c>' % (r, wait), s.cell("E%d" % r, "day")]
        if subject:
            cells.append(s.cell("F%d" % r, subject))
        cells.append(s.cell("G%d" % r, body))
        rows.append('<row r="%d">%s</row>' % (r, "".join(cells)))
    sheet = '<dimension ref="A1:G3"/><sheetData>' + "".join(rows) + "</sheetData>"
    package("excel-chart-sheet-first.xlsx", sheet, styles([]), shared_strings=s.items, sheet_name="Q4 plan",
            chart_first="Dashboard")


def furigana_rows(cell):
    """The step table of the furigana workbooks; cell(ref, text) writes a text cell, text being a str or
    (text, guides) as shared_string takes it."""
    header = ["sequence", "step", "type", "wait_time", "wait_mode", "subject", "body"]
    name = ("東京キャンペーン", [(0, 2, "トウキョウ")])
    rows = ['<row r="1">' + "".join(cell("%s1" % col(i), h) for i, h in enumerate(header)) + "</row>"]
    for r, (step, wait, subject, body) in enumerate([
            (1, 0, ("大阪の件", [(0, 2, "オオサカ")]), "{{first_name}}様、物流コスト削減のご提案です。"),
            (2, 3, None, "{{first_name}}様、先日のメールの件、来週お時間をいただけますでしょうか。")], start=2):
        cells = [cell("A%d" % r, name), '<c r="B%d"><v>%d</v></c>' % (r, step), cell("C%d" % r, "auto_email"),
                 '<c r="D%d"><v>%d</v></c>' % (r, wait), cell("E%d" % r, "day")]
        if subject:
            cells.append(cell("F%d" % r, subject))
        cells.append(cell("G%d" % r, body))
        rows.append('<row r="%d">%s</row>' % (r, "".join(cells)))
    return '<dimension ref="A1:G3"/><sheetData>' + "".join(rows) + "</sheetData>"


def excel_japanese_furigana():
    """Excel for Japanese: text typed through the IME keeps its reading as a phonetic guide (<rPh>) in
    the shared strings table, and the worksheet says which font shows guides (<phoneticPr>)."""
    s = Strings()
    sheet = furigana_rows(s.cell) + '<phoneticPr fontId="1"/>'
    package("excel-japanese-furigana.xlsx", sheet, styles([]), shared_strings=s.items)


def inline_furigana():
    """The same cells as inline strings (t="inlineStr") that keep their phonetic guides: what a program
    writing inline strings, as openpyxl does, produces from text copied out of Excel with its guides."""
    def cell(ref, text):
        if isinstance(text, tuple):
            text, guides = text
            return ('<c r="%s" t="inlineStr"><is><t>%s</t>' % (ref, esc(text))
                    + "".join('<rPh sb="%d" eb="%d"><t>%s</t></rPh>' % (sb, eb, esc(g)) for sb, eb, g in guides)
                    + "</is></c>")
        return inline(ref, text)
    package("inline-furigana.xlsx", furigana_rows(cell), styles([]))


if __name__ == "__main__":
    excel_language_tagged_dates()
    excel_japanese_builtin_dates()
    openpyxl_formulas()
    long_whole_numbers()
    excel_chart_sheet_first()
    excel_japanese_furigana()
    inline_furigana()
