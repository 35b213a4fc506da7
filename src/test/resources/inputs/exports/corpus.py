#!/usr/bin/env python3
"""Builds the spreadsheet-export corpus; run through make-corpus.sh, which adds LibreOffice.

Only the Python standard library is used. Subcommands:

  sources DIR              write the .fods spreadsheets LibreOffice converts (see make-corpus.sh)
  excel-csv IN OUT ENC [--bom]
                           turn a LibreOffice CSV export into what Excel for Windows writes: row ends
                           become CRLF (line breaks inside quoted cells stay LF, as in Excel), and a
                           byte-order mark is added when asked (ENC: utf-8, utf-16, cp1252 or cp850)
  excel-mac-csv IN OUT     turn a LibreOffice Mac Roman CSV export into what Excel for Mac writes as
                           "Comma Separated Values": every line break, between rows and inside
                           quoted cells, becomes a bare CR
  google-sheets OUT        the common table the way Google Sheets' "Download > CSV" writes it
  one-mb-cell OUT          a valid CSV with one 1,048,576-character body cell
  junk OUT                 a small PNG image (binary, with NUL bytes)
  zip-bomb IN.xlsx OUT     IN with its first worksheet padded by 300,000,000 bytes of whitespace
  huge-shared-strings OUT  an xlsx whose shared-strings table holds 500,000 strings
  truncate IN OUT          the first half of IN
"""
import csv
import io
import random
import struct
import sys
import zipfile
import zlib
from xml.sax.saxutils import escape


# --------------------------------------------------------------------------------------------
# Cell values. A plain str is a text cell; None an empty cell.

class Num:
    def __init__(self, value, style=None):
        self.value, self.style = value, style


class Date:
    """A date or date-time cell; iso is what ODF stores (no zone: spreadsheets have none)."""

    def __init__(self, iso, style):
        self.iso, self.style = iso, style


class Bool:
    def __init__(self, value):
        self.value = value


class Formula:
    """A formula with the value a spreadsheet caches for it (kind: float or string)."""

    def __init__(self, formula, value, kind="float"):
        self.formula, self.value, self.kind = formula, value, kind


class Rich:
    """Text with formatted runs: parts are str (plain) or ("bold", str)."""

    def __init__(self, *parts):
        self.parts = parts

    def plain(self):
        return "".join(p if isinstance(p, str) else p[1] for p in self.parts)


class Styled:
    """An empty cell that only carries formatting (a fill), as spreadsheets leave behind."""


FILLED = Styled()


def plain_text(cell):
    """The text a CSV export shows for a cell of the common tables (no dates there)."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, Num):
        return str(int(cell.value)) if float(cell.value).is_integer() else str(cell.value)
    if isinstance(cell, Rich):
        return cell.plain()
    raise ValueError("no plain text for %r" % cell)


# --------------------------------------------------------------------------------------------
# Content. One common step-row table is exported in every CSV flavour, so all of them must
# decode to the same rows.

ZOE_SIGNATURE = "Best,\nZoë"
SCHEDULE_A = "6523a1f0c4e5d70001a2b3c4"
SCHEDULE_B = "6523a1f0c4e5d70001a2b3c5"

COMMON_HEADER = ["sequence", "permissions", "labels", "schedule_id", "step", "type", "wait_time",
                 "wait_mode", "subject", "body", "note", "priority"]
COMMON_ROWS = [
    ["Q3 Fintech Outbound", "team_can_use", "Fintech;Q3 2026", SCHEDULE_A, Num(1), "auto_email", Num(0),
     "minute", "{{first_name}}, a quick question about {{company}}’s payouts",
     "Hi {{first_name}},\n\nLast month a café’s owner in Köln told me she saves €5 on every card payout"
     " since switching to us.\n\nWould a “quick” 15-minute call next week be useful?\n\n" + ZOE_SIGNATURE,
     None, None],
    ["Q3 Fintech Outbound", None, None, None, Num(2), "auto_email", Num(3), "day", None,
     "Hi {{first_name}}, just bringing this back to the top of your inbox – are faster payouts on your"
     " list for Q3?", None, None],
    ["Q3 Fintech Outbound", None, None, None, Num(3), "call", Num(2), "day", None, None,
     "Call {{first_name}} at {{company}}; mention the Köln café story.", "high"],
    ["Q3 Fintech Outbound", None, None, None, Num(4), "auto_email", Num(4), "day",
     "Closing the loop, {{first_name}}",
     "Hi {{first_name}},\n\nI’ll assume the timing isn’t right. If that changes, just reply to this"
     " email.\n\nZoë", None, None],
    ["Renewals – Café Accounts", "private", "Renewals", None, Num(1), "auto_email", Num(0), "minute",
     "{{first_name}}, your renewal (€49/month) is coming up",
     "Hi {{first_name}},\n\nYour plan renews on {{renewal_date}}. Reply “keep it” and we’ll change"
     " nothing.", None, None],
    ["Renewals – Café Accounts", None, None, None, Num(2), "auto_email", Num(5), "day", None,
     "Hi {{first_name}}, a friendly reminder: {{company}}’s renewal is on {{renewal_date}}. Questions?"
     " Müller from our team is happy to help.", None, None],
]

# Typed cells: dates, date-times, formulas, booleans, numbers, rich text.
TYPED_HEADER = ["sequence", "step", "type", "wait_time", "wait_mode", "exact_daytime", "exact_datetime",
                "subject", "body", "note", "include_signature", "priority"]
TYPED_ROWS = [
    ["Q4 Fintech Events", Num(1), "auto_email", Num(0), "minute", Bool(True),
     Date("2026-12-01T09:30:00", "dt"), Rich("Meet us at ", ("bold", "Money20/20"), ", {{first_name}}"),
     "Hi {{first_name}},\n\nWe’ll be at stand B12 in Amsterdam – the café au lait is on us.\n\nZoë",
     None, Bool(False), None],
    ["Q4 Fintech Events", Num(2), "auto_email", Num(3), "day", None,
     Date("2026-12-04T14:00:00", "dt"), None,
     "Hi {{first_name}}, a reminder that we’re at stand B12 – entry is €0 with the code FINTECH.",
     None, Bool(False), None],
    ["Q4 Fintech Events", Num(3), "call", Formula("of:=[.D3]+1", 4), "day", None,
     Date("2026-12-08T10:15:00", "dt"), None, None, Date("2026-12-08", "d"), None, "high"],
    ["Q4 Fintech Events", Num(4), "auto_email", Num(2, "one_decimal"), "day", None,
     Date("2026-12-10T16:45:30", "dts"),
     Formula('of:="Last call, "&"{{first_name}}"', "Last call, {{first_name}}", "string"),
     "Hi {{first_name}},\n\nLast chance to book a slot with our team.", None, Bool(True), None],
    ["Q4 Webinar Nurture", "1", "auto_email", Num(0), "minute", None, None,
     "Thanks for joining, {{first_name}}", "Hi {{first_name}}, here are the slides: {{webinar_link}}",
     None, "yes", None],
    ["Q4 Webinar Nurture", Num(2), "manual_email", Num(2), "day", None, None, None,
     "Hi {{first_name}}, did the recording help?", None, None, None],
]
# LibreOffice 7.4 writes the cached result of a text formula into .xls as the number 0 (no STRING
# record), so legacy.xls gets the subject of step 4 as plain text instead of the formula.
TYPED_ROWS_XLS = [list(row) for row in TYPED_ROWS]
TYPED_ROWS_XLS[3][7] = "Last call, {{first_name}}"
TYPED_TRAILING_COLUMNS = 2   # formatted, empty columns after the last header
TYPED_TRAILING_ROWS = 5      # formatted, empty rows after the last data row

# Two tables in one workbook: Sequences and Steps (test fixture: three sequences, one A/B).
TWO_SHEET_SEQUENCES = (
    ["sequence", "schedule_id", "permissions", "labels", "active"],
    [["Q3 Fintech Outbound", SCHEDULE_A, "team_can_use", "Fintech;Q3 2026", Bool(False)],
     ["Renewals – Café Accounts", None, "private", "Renewals", None],
     ["Partner Webinar Invite", SCHEDULE_B, "team_can_view", "Partners;Webinar", None]])
TWO_SHEET_STEPS = (
    ["sequence", "step", "type", "wait_time", "wait_mode", "subject", "body", "note"],
    [["Q3 Fintech Outbound", Num(1), "auto_email", Num(0), "minute",
      "{{first_name}}, a quick question about {{company}}’s payouts",
      "Hi {{first_name}},\n\nTeams like {{company}} cut reconciliation time by 40% with us.\n\nZoë", None],
     ["Q3 Fintech Outbound", Num(2), "auto_email", Num(3), "day", None,
      "Hi {{first_name}}, bringing this back to the top of your inbox.", None],
     ["Q3 Fintech Outbound", Num(2), "auto_email", Num(3), "day", None,
      "Hi {{first_name}}, one more thought: the café chain Brühl & Söhne saved €12k in Q2.", None],
     ["Q3 Fintech Outbound", Num(3), "call", Num(2), "day", None, None,
      "Call {{first_name}}; ask about payout delays."],
     ["Renewals – Café Accounts", Num(1), "auto_email", Num(0), "minute",
      "Your renewal, {{first_name}}", "Hi {{first_name}}, your plan renews on {{renewal_date}}.", None],
     ["Renewals – Café Accounts", Num(2), "auto_email", Num(5), "day", None,
      "Hi {{first_name}}, a last reminder about {{renewal_date}}.", None],
     ["Partner Webinar Invite", Num(1), "auto_email", Num(0), "minute",
      "You’re invited, {{first_name}}", "Hi {{first_name}}, join our partner webinar on {{event_date}}.",
      None],
     ["Partner Webinar Invite", Num(2), "linkedin_step_connect", Num(1), "day", None, None,
      "Connect with {{first_name}} and mention the webinar."]])

# Wide layout: one row per sequence, numbered step columns, header styles mixed on purpose.
WIDE_HEADER = ["Sequence", "Schedule ID", "Step 1 Subject", "Step 1 Body", "Step 2 Wait Days",
               "Step 2 Subject", "Step 2 Body", "step2_body_b", "Step 3 Wait Days", "Step 3 Body"]
WIDE_ROWS = [
    ["Q3 Fintech Outbound", SCHEDULE_A, "{{first_name}}, a quick question about {{company}}’s payouts",
     "Hi {{first_name}},\n\nTeams like {{company}} cut reconciliation time by 40% with us.\n\nWorth a chat?"
     "\n\nZoë", Num(3), None, "Hi {{first_name}}, bringing this back to the top of your inbox.",
     "Hi {{first_name}}, one more thought: the café chain Brühl & Söhne saved €12k in Q2.", Num(4),
     "Hi {{first_name}}, I’ll close the loop here. Reply any time."],
    ["Renewals – Café Accounts", None, "Your renewal, {{first_name}}",
     "Hi {{first_name}}, your plan renews on {{renewal_date}}.", Num(5),
     "Last reminder: renewal on {{renewal_date}}", "Hi {{first_name}}, your plan renews in two days.",
     None, None, None],
    ["Partner Webinar Invite", SCHEDULE_B, "You’re invited, {{first_name}}",
     "Hi {{first_name}}, join our partner webinar on {{event_date}}.", Num(2), None,
     "Hi {{first_name}}, seats are filling up.", None, Num(1),
     "Hi {{first_name}}, the recording will be in your inbox tomorrow."],
]

# Other scripts: what Excel for Windows writes as "CSV (Comma delimited)" in Russian, Polish and
# Japanese, each in its own code page (windows-1251, windows-1250, 932). Read as Windows-1252 they
# would decode without an error and go to Apollo garbled.
SCRIPT_HEADER = ["sequence", "step", "type", "wait_time", "wait_mode", "subject", "body"]
RUSSIAN_ROWS = [
    ["Холодные письма: логистика", Num(1), "auto_email", Num(0), "minute", "{{first_name}}, вопрос о доставке",
     "Здравствуйте, {{first_name}}!\n\nМы помогаем компаниям вроде {{company}} сократить сроки доставки"
     " на 20 %.\n\nС уважением,\nОльга"],
    ["Холодные письма: логистика", Num(2), "auto_email", Num(3), "day", None,
     "{{first_name}}, напоминаю о своём письме. Удобно ли созвониться на этой неделе?"],
]
POLISH_ROWS = [
    ["Kampania jesienna – e-commerce", Num(1), "auto_email", Num(0), "minute",
     "{{first_name}}, szybkie pytanie o zwroty",
     "Dzień dobry {{first_name}},\n\nPomagamy sklepom takim jak {{company}} obsługiwać zwroty szybciej"
     " i taniej.\n\nPozdrawiam serdecznie,\nŁukasz"],
    ["Kampania jesienna – e-commerce", Num(2), "auto_email", Num(4), "day", None,
     "Cześć {{first_name}}, czy mogę zaproponować krótką rozmowę w przyszłym tygodniu?"],
]
JAPANESE_ROWS = [
    ["新規開拓キャンペーン", Num(1), "auto_email", Num(0), "minute", "{{first_name}}様、物流コスト削減のご提案",
     "{{first_name}}様\n\nいつもお世話になっております。{{company}}様の配送コストを二割削減できる方法を"
     "ご紹介させてください。\n\n佐藤"],
    ["新規開拓キャンペーン", Num(2), "auto_email", Num(3), "day", None,
     "{{first_name}}様、先日のメールの件、来週お時間をいただけますでしょうか。"],
]

# A formula that reads another workbook.
EXTERNAL_HEADER = ["sequence", "schedule_id", "step", "wait_time", "subject", "body"]
EXTERNAL_ROWS = [
    ["Linked schedule", Formula("of:=['schedules.xlsx'#$Sheet1.A1]", SCHEDULE_A, "string"), Num(1), Num(0),
     "Hello {{first_name}}", "Hi {{first_name}}, this sequence takes its schedule from another workbook."],
    ["Linked schedule", None, Num(2), Num(2), None, "Hi {{first_name}}, following up."],
    ["Linked wait", None, Num(1), Num(0), "Hello again, {{first_name}}",
     "Hi {{first_name}}, this sequence takes a wait from another workbook."],
    ["Linked wait", None, Num(2), Formula("of:=['schedules.xlsx'#$Sheet1.B1]", 2), None,
     "Hi {{first_name}}, following up again."],
]

# For users: sample-data/two-sheet.xlsx and sample-data/wide-layout.csv.
SAMPLE_SEQUENCES = (
    ["Sequence", "Permissions", "Labels", "Active"],
    [["Q1 Outbound - Heads of Finance", "team_can_use", "Outbound;Q1 2027", "no"],
     ["Event follow-up - Fintech Week", "team_can_view", "Events;Follow-up", "no"]])
SAMPLE_STEPS = (
    ["Sequence", "Step", "Type", "Wait Time", "Wait Mode", "Subject", "Body", "Note"],
    [["Q1 Outbound - Heads of Finance", Num(1), "auto_email", Num(0), "minute",
      "{{first_name}}, closing the books at {{company}}",
      "Hi {{first_name}},\n\nFinance teams like yours spend three days a month matching payouts to invoices."
      " We get that down to an afternoon.\n\nWorth a 15-minute call next week?\n\nBest,\nSam", None],
     ["Q1 Outbound - Heads of Finance", Num(2), "auto_email", Num(3), "day", None,
      "Hi {{first_name}}, just bringing this back to the top of your inbox. Is month-end close on your"
      " list this quarter?", None],
     ["Q1 Outbound - Heads of Finance", Num(3), "call", Num(2), "day", None, None,
      "Call {{first_name}} at {{company}}; ask how long month-end close takes today."],
     ["Q1 Outbound - Heads of Finance", Num(4), "auto_email", Num(4), "day",
      "Closing the loop, {{first_name}}",
      "Hi {{first_name}},\n\nI haven't heard back, so I'll assume the timing isn't right. If that changes,"
      " just reply.\n\nSam", None],
     ["Event follow-up - Fintech Week", Num(1), "auto_email", Num(1), "hour",
      "Great to meet you at Fintech Week, {{first_name}}",
      "Hi {{first_name}},\n\nThanks for stopping by our stand. Here are the slides from the demo:"
      " {{slides_link}}\n\nSam", None],
     ["Event follow-up - Fintech Week", Num(2), "auto_email", Num(2), "day", None,
      "Hi {{first_name}}, did the slides answer your questions about {{company}}'s setup?", None],
     ["Event follow-up - Fintech Week", Num(3), "linkedin_step_connect", Num(1), "day", None, None,
      "Connect with {{first_name}} and mention Fintech Week."]])
SAMPLE_WIDE_HEADER = ["Sequence", "Permissions", "Labels", "Step 1 Subject", "Step 1 Body",
                      "Step 2 Wait Days", "Step 2 Subject", "Step 2 Body", "Step 2 Body B",
                      "Step 3 Wait Days", "Step 3 Subject", "Step 3 Body"]
SAMPLE_WIDE_ROWS = [
    ["Q1 Outbound - Heads of Finance", "team_can_use", "Outbound;Q1 2027",
     "{{first_name}}, closing the books at {{company}}",
     "Hi {{first_name}},\n\nFinance teams like yours spend three days a month matching payouts to invoices."
     " We get that down to an afternoon.\n\nWorth a 15-minute call next week?\n\nSam",
     Num(3), None,
     "Hi {{first_name}}, just bringing this back to the top of your inbox. Is month-end close on your list"
     " this quarter?",
     "Hi {{first_name}}, one number that might interest you: our customers close their books 2 days"
     " faster. Want to see how?",
     Num(4), "Closing the loop, {{first_name}}",
     "Hi {{first_name}},\n\nI'll assume the timing isn't right. If that changes, just reply.\n\nSam"],
    ["Event follow-up - Fintech Week", "team_can_view", "Events;Follow-up",
     "Great to meet you at Fintech Week, {{first_name}}",
     "Hi {{first_name}},\n\nThanks for stopping by our stand. Here are the slides from the demo:"
     " {{slides_link}}\n\nSam",
     Num(2), None, "Hi {{first_name}}, did the slides answer your questions about {{company}}'s setup?",
     None, None, None, None],
]


# --------------------------------------------------------------------------------------------
# Flat ODF spreadsheets (.fods)

FODS_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <number:date-style style:name="N_dt">
   <number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/>
   <number:text>-</number:text><number:day number:style="long"/><number:text> </number:text>
   <number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/>
  </number:date-style>
  <number:date-style style:name="N_dts">
   <number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/>
   <number:text>-</number:text><number:day number:style="long"/><number:text> </number:text>
   <number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/>
   <number:text>:</number:text><number:seconds number:style="long"/>
  </number:date-style>
  <number:date-style style:name="N_d">
   <number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/>
   <number:text>-</number:text><number:day number:style="long"/>
  </number:date-style>
  <number:number-style style:name="N_one_decimal">
   <number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/>
  </number:number-style>
  <number:boolean-style style:name="N_bool"><number:boolean/></number:boolean-style>
  <style:style style:name="ce_dt" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_dt"/>
  <style:style style:name="ce_dts" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_dts"/>
  <style:style style:name="ce_d" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_d"/>
  <style:style style:name="ce_one_decimal" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_one_decimal"/>
  <style:style style:name="ce_bool" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_bool"/>
  <style:style style:name="ce_fill" style:family="table-cell" style:parent-style-name="Default">
   <style:table-cell-properties fo:background-color="#fff2cc"/>
  </style:style>
  <style:style style:name="ce_head" style:family="table-cell" style:parent-style-name="Default">
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="T_bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 </office:automatic-styles>
 <office:body>
  <office:spreadsheet>
"""
FODS_TAIL = """  </office:spreadsheet>
 </office:body>
</office:document>
"""


def _paragraphs(text):
    return "".join("<text:p>%s</text:p>" % escape(line) if line else "<text:p/>"
                   for line in text.split("\n"))


def _cell(cell):
    if cell is None:
        return "<table:table-cell/>"
    if isinstance(cell, Styled):
        return '<table:table-cell table:style-name="ce_fill"/>'
    if isinstance(cell, str):
        return '<table:table-cell office:value-type="string">%s</table:table-cell>' % _paragraphs(cell)
    if isinstance(cell, Num):
        style = ' table:style-name="ce_%s"' % cell.style if cell.style else ""
        return ('<table:table-cell%s office:value-type="float" office:value="%s"><text:p>%s</text:p>'
                '</table:table-cell>' % (style, cell.value, cell.value))
    if isinstance(cell, Date):
        return ('<table:table-cell table:style-name="ce_%s" office:value-type="date" office:date-value="%s">'
                '<text:p>%s</text:p></table:table-cell>' % (cell.style, cell.iso, cell.iso.replace("T", " ")))
    if isinstance(cell, Bool):
        word = "true" if cell.value else "false"
        return ('<table:table-cell table:style-name="ce_bool" office:value-type="boolean" office:boolean-value="%s">'
                '<text:p>%s</text:p></table:table-cell>' % (word, word.upper()))
    if isinstance(cell, Formula):
        formula = escape(cell.formula, {'"': "&quot;"})
        if cell.kind == "string":
            return ('<table:table-cell table:formula="%s" office:value-type="string" office:string-value="%s">'
                    '<text:p>%s</text:p></table:table-cell>'
                    % (formula, escape(cell.value, {'"': "&quot;"}), escape(cell.value)))
        return ('<table:table-cell table:formula="%s" office:value-type="float" office:value="%s">'
                '<text:p>%s</text:p></table:table-cell>' % (formula, cell.value, cell.value))
    if isinstance(cell, Rich):
        runs = "".join(escape(p) if isinstance(p, str)
                       else '<text:span text:style-name="T_bold">%s</text:span>' % escape(p[1])
                       for p in cell.parts)
        return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % runs
    raise ValueError("unknown cell %r" % cell)


def _table(name, header, rows, trailing_columns=0, trailing_rows=0):
    width = len(header) + trailing_columns
    out = ['   <table:table table:name="%s">\n' % escape(name),
           '    <table:table-column table:number-columns-repeated="%d"/>\n' % width]
    head_cells = "".join('<table:table-cell table:style-name="ce_head" office:value-type="string">'
                         '<text:p>%s</text:p></table:table-cell>' % escape(h) for h in header)
    out.append("    <table:table-row>%s%s</table:table-row>\n"
               % (head_cells, _cell(FILLED) * trailing_columns))
    for row in rows:
        assert len(row) == len(header), (name, row)
        out.append("    <table:table-row>%s%s</table:table-row>\n"
                   % ("".join(_cell(c) for c in row), _cell(FILLED) * trailing_columns))
    for _ in range(trailing_rows):
        out.append("    <table:table-row>%s</table:table-row>\n" % (_cell(FILLED) * width))
    out.append("   </table:table>\n")
    return "".join(out)


def fods(tables, null_date=None):
    settings = ""
    if null_date:
        settings = ('   <table:calculation-settings><table:null-date table:date-value="%s"/>'
                    '</table:calculation-settings>\n' % null_date)
    return FODS_HEAD + settings + "".join(_table(*t) for t in tables) + FODS_TAIL


def write_sources(directory):
    typed = ("Q4 outreach", TYPED_HEADER, TYPED_ROWS, TYPED_TRAILING_COLUMNS, TYPED_TRAILING_ROWS)
    files = {
        "common-steps.fods": fods([("Steps", COMMON_HEADER, COMMON_ROWS)]),
        "dates-formulas.fods": fods([typed]),
        "dates-1904.fods": fods([typed], null_date="1904-01-01"),
        "legacy.fods": fods([typed[:2] + (TYPED_ROWS_XLS,) + typed[3:]]),
        "two-sheet.fods": fods([("Sequences",) + TWO_SHEET_SEQUENCES, ("Steps",) + TWO_SHEET_STEPS]),
        "wide-layout.fods": fods([("Wide layout", WIDE_HEADER, WIDE_ROWS)]),
        "external-links.fods": fods([("Steps", EXTERNAL_HEADER, EXTERNAL_ROWS)]),
        "russian-steps.fods": fods([("Steps", SCRIPT_HEADER, RUSSIAN_ROWS)]),
        "polish-steps.fods": fods([("Steps", SCRIPT_HEADER, POLISH_ROWS)]),
        "japanese-steps.fods": fods([("Steps", SCRIPT_HEADER, JAPANESE_ROWS)]),
        "sample-two-sheet.fods": fods([("Sequences",) + SAMPLE_SEQUENCES, ("Steps",) + SAMPLE_STEPS]),
        "sample-wide-layout.fods": fods([("Wide layout", SAMPLE_WIDE_HEADER, SAMPLE_WIDE_ROWS)]),
    }
    for name, text in files.items():
        with open("%s/%s" % (directory, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


# --------------------------------------------------------------------------------------------
# CSV post-processing and Python-written files

def excel_csv(source, target, encoding, bom):
    """LibreOffice on Linux ends rows with LF; Excel for Windows ends them with CRLF."""
    with open(source, "rb") as f:
        raw = f.read()
    codec = {"utf-8": "utf-8", "utf-16": "utf-16", "cp1252": "cp1252", "cp850": "cp850", "cp1251": "cp1251",
             "cp1250": "cp1250", "cp932": "cp932"}[encoding]
    text = raw.decode(codec)   # utf-16: LibreOffice writes a BOM, which the codec consumes
    out, quoted = [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == "\n" and not quoted:
            out.append("\r\n")
        elif ch == "\r" and not quoted:
            continue
        else:
            out.append(ch)
    data = "".join(out)
    if encoding == "utf-16":
        payload = b"\xff\xfe" + data.encode("utf-16-le")
    else:
        payload = (b"\xef\xbb\xbf" if bom else b"") + data.encode(codec)
    with open(target, "wb") as f:
        f.write(payload)


def excel_mac_csv(source, target):
    """Excel for Mac's "Comma Separated Values" is Mac Roman text with classic-Mac line ends (CR).
    LibreOffice writes the Mac Roman bytes; only the line ends change, inside cells too, which is the
    harder case for a reader: a CR inside quotes must not end the row."""
    with open(source, "rb") as f:
        raw = f.read()
    text = raw.decode("mac_roman").replace("\r\n", "\n").replace("\n", "\r")
    with open(target, "wb") as f:
        f.write(text.encode("mac_roman"))


def google_sheets(target):
    """Google Sheets: UTF-8 without BOM, CRLF between rows, minimal quoting, a line break inside a
    cell is a bare LF, every row as wide as the sheet's used range (here three empty columns to the
    right that once held scratch notes), blank rows inside the range written as commas only, and no
    line break after the last row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COMMON_HEADER + ["", "", ""])
    for row in COMMON_ROWS:
        writer.writerow([plain_text(c) for c in row] + ["", "", ""])
    writer.writerow([""] * (len(COMMON_HEADER) + 3))
    text = buffer.getvalue()
    assert text.endswith("\r\n")
    with open(target, "wb") as f:
        f.write(text[:-2].encode("utf-8"))


ONE_MB = 1_048_576


def one_mb_cell(target):
    sentence = "All work and no play makes Jack a dull boy. "
    body = (sentence * (ONE_MB // len(sentence) + 1))[:ONE_MB]
    assert len(body) == ONE_MB
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["sequence", "step", "wait_time", "subject", "body"])
    writer.writerow(["Short and sweet", "1", "0", "Hello {{first_name}}", "Hi {{first_name}}, a short note."])
    writer.writerow(["Short and sweet", "2", "2", "", "Hi {{first_name}}, following up."])
    writer.writerow(["Long read", "1", "0", "A very long email", body])
    writer.writerow(["Long read", "2", "3", "", "Hi {{first_name}}, did you make it to the end?"])
    with open(target, "w", encoding="utf-8", newline="") as f:
        f.write(buffer.getvalue())


def junk(target):
    """A 48x48 PNG of seeded noise, as if a screenshot were saved under the wrong name."""
    rng = random.Random(1252)
    width = height = 48
    rows = b"".join(b"\x00" + bytes(rng.randrange(256) for _ in range(width * 3)) for _ in range(height))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    png = (b"\x89PNG\r\n\x1a\n"
           + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))
    with open(target, "wb") as f:
        f.write(png)


BOMB_PADDING = 300_000_000


def _deflated(name, date_time):
    """A zip entry to stream into, deflated at level 9 (ZipFile.open uses the entry's own settings)."""
    info = zipfile.ZipInfo(name, date_time=date_time)
    info.compress_type = zipfile.ZIP_DEFLATED
    # the attribute is _compresslevel before Python 3.13 and compress_level from 3.13 on
    setattr(info, "compress_level" if "compress_level" in zipfile.ZipInfo.__slots__ else "_compresslevel", 9)
    return info


def zip_bomb(source, target):
    """Copies a real xlsx and pads its first worksheet with whitespace between <sheetData> and the first
    row. The XML stays well formed and means the same, but inflates about 1000:1."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED,
                                                          compresslevel=9) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
                continue
            head, tail = data.split(b"<sheetData>", 1)
            with dst.open(_deflated(info.filename, info.date_time), "w") as out:
                out.write(head + b"<sheetData>")
                block = b" " * (1 << 20)
                left = BOMB_PADDING
                while left:
                    out.write(block[:min(left, len(block))])
                    left -= min(left, len(block))
                out.write(tail)


SHARED_STRINGS = 500_000
SHARED_FILLER = ("Hi {{first_name}}, this is a placeholder string that only exists to make the shared"
                 " strings table large. ")


def huge_shared_strings(target):
    """A well-formed xlsx whose sharedStrings.xml holds 500,000 strings of about 120 characters (64 MB
    of XML, compressed about 47:1, so under the usual 100:1 zip-bomb ratio). The one data row uses
    the last string, so a reader has to get through the whole table."""
    meaningful = ["sequence", "step", "subject", "body", "Huge shared strings", "Hello {{first_name}}"]
    last = SHARED_STRINGS - 1
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel_ns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '</Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        "xl/workbook.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook %s %s><sheets><sheet name="Steps" sheetId="1" r:id="rId1"/></sheets></workbook>'
            % (ns, rel_ns),
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '</Relationships>',
        "xl/worksheets/sheet1.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet %s><dimension ref="A1:D2"/><sheetData>'
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
            '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>'
            '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2"><v>1</v></c>'
            '<c r="C2" t="s"><v>5</v></c><c r="D2" t="s"><v>%d</v></c></row>'
            '</sheetData></worksheet>' % (ns, last),
    }
    date_time = (2026, 11, 26, 12, 0, 0)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, text in parts.items():
            z.writestr(zipfile.ZipInfo(name, date_time=date_time), text.encode("utf-8"),
                       compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
        with z.open(_deflated("xl/sharedStrings.xml", date_time), "w") as out:
            out.write(('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                       '<sst %s count="%d" uniqueCount="%d">' % (ns, SHARED_STRINGS, SHARED_STRINGS))
                      .encode("utf-8"))
            for text in meaningful:
                out.write(("<si><t>%s</t></si>" % escape(text)).encode("utf-8"))
            batch = []
            for i in range(len(meaningful), SHARED_STRINGS):
                batch.append("<si><t>s%06d %s</t></si>" % (i, SHARED_FILLER))
                if len(batch) == 10_000:
                    out.write("".join(batch).encode("utf-8"))
                    batch = []
            out.write("".join(batch).encode("utf-8"))
            out.write(b"</sst>")


def truncate(source, target):
    with open(source, "rb") as f:
        data = f.read()
    with open(target, "wb") as f:
        f.write(data[:len(data) // 2])


def main(argv):
    command, args = argv[0], argv[1:]
    if command == "sources":
        write_sources(*args)
    elif command == "excel-csv":
        excel_csv(args[0], args[1], args[2], "--bom" in args[3:])
    elif command == "excel-mac-csv":
        excel_mac_csv(*args)
    elif command == "google-sheets":
        google_sheets(*args)
    elif command == "one-mb-cell":
        one_mb_cell(*args)
    elif command == "junk":
        junk(*args)
    elif command == "zip-bomb":
        zip_bomb(*args)
    elif command == "huge-shared-strings":
        huge_shared_strings(*args)
    elif command == "truncate":
        truncate(*args)
    else:
        sys.exit("unknown command %s" % command)


if __name__ == "__main__":
    main(sys.argv[1:])
