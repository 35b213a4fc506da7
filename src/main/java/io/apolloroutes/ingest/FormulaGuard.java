package io.apolloroutes.ingest;

/**
 * Keeps spreadsheet programs from running cell text as a formula (CSV injection). Values that a
 * spreadsheet would evaluate get a leading apostrophe when the pack writes a CSV for people to open;
 * the CSV reader takes that apostrophe off again when it reads such a file back (one with an
 * {@code _error} column), so a corrected errors file can be dropped into the inbox unchanged. Other
 * files are read exactly as written.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    /** The value made safe to open in a spreadsheet. */
    public static String guard(String value) {
        return isFormulaLike(value) ? "'" + value : value;
    }

    /** The value as it was before {@link #guard(String)}. */
    public static String unguard(String value) {
        return value != null && value.length() > 1 && value.charAt(0) == '\'' && isFormulaLike(value.substring(1))
                ? value.substring(1) : value;
    }

    private static boolean isFormulaLike(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        // = + - @ start formulas; tab and carriage return are the OWASP-listed ways around that check
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
