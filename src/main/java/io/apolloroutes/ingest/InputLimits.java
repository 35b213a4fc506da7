package io.apolloroutes.ingest;

/**
 * Sizes past which a file, or one of its cells, is refused with a message instead of being read:
 * they keep a mistaken or hostile file from exhausting memory or disk.
 *
 * @param maxFileBytes  largest input file accepted, in bytes
 * @param maxRows       most data rows (or JSON records) in one file
 * @param maxCellLength most characters in one cell; a longer cell makes its row invalid
 */
public record InputLimits(long maxFileBytes, int maxRows, int maxCellLength) {

    /** Defaults documented in the README ({@code input.max-*}). */
    public static final InputLimits DEFAULT = new InputLimits(512L * 1024 * 1024, 1_000_000, 100_000);

    /**
     * Longest row a CSV parser may buffer before the file is refused. A quote that is never closed
     * turns the rest of a file into one cell; this bounds the memory that costs.
     */
    public long maxRowChars() {
        return 20L * maxCellLength;
    }
}
