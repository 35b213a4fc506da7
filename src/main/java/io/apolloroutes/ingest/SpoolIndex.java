package io.apolloroutes.ingest;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Which records of a spool belong to which sequence, in a few primitive arrays: every group (sequence) in
 * order of first appearance, and the records of each in the order they were written.
 *
 * <p>A file may hold as many sequences as rows (one row per sequence, up to {@code input.max-rows}), so the
 * index must cost little per sequence: a map from names to lists of offsets took about 330 bytes each and
 * ran a 256 MB heap out at a million. Here a name is kept only as the first 128 bits of its SHA-256 digest
 * (two names that share them are far less likely than a disk error); the names themselves are on disk
 * with the records. Per group that is 24 bytes, per record 12, plus the hash table's slots. Not for use by
 * more than one thread: a lookup leaves its digest in fields.
 */
final class SpoolIndex {

    /** No record: the end of a group's chain, or an empty slot. */
    static final int NONE = -1;

    /** Names recently looked up, compared as strings first: the rows of one sequence usually stand together. */
    private static final int RECENT = 8;

    private final MessageDigest sha256;

    private long[] digestHigh = new long[1024];
    private long[] digestLow = new long[1024];
    private int[] firstRecord = new int[1024];
    private int[] lastRecord = new int[1024];
    private int groups;
    private int namedGroups;

    private long[] offsets = new long[1024];
    private int[] nextInGroup = new int[1024];
    private int records;

    /** Open addressing: group ordinal + 1 per slot, 0 for empty; at most half full. */
    private int[] slots = new int[2048];

    private final String[] recentNames = new String[RECENT];
    private final int[] recentGroups = new int[RECENT];
    private int recentNext;

    private byte[] units = new byte[256];
    private final byte[] hash = new byte[32];
    private long high;
    private long low;

    SpoolIndex() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Adds a record written at {@code offset} (records come in the order they were written) to the group of
     * its sequence, creating the group when the name is new; a null name makes a group of its own.
     *
     * @return whether the record started a group
     */
    boolean add(String sequenceName, long offset) {
        int groupsBefore = groups;
        int group;
        if (sequenceName == null) {
            group = newGroup(false);
        } else {
            group = find(sequenceName, true);
            if (group == NONE) {
                group = newGroup(true);
                remember(sequenceName, group);
            }
        }
        int record = records++;
        if (record == offsets.length) {
            offsets = Arrays.copyOf(offsets, record * 2);
            nextInGroup = Arrays.copyOf(nextInGroup, record * 2);
        }
        offsets[record] = offset;
        nextInGroup[record] = NONE;
        if (firstRecord[group] == NONE) {
            firstRecord[group] = record;
        } else {
            nextInGroup[lastRecord[group]] = record;
        }
        lastRecord[group] = record;
        return groups > groupsBefore;
    }

    /** Whether a group of this name was added. */
    boolean contains(String sequenceName) {
        return sequenceName != null && find(sequenceName, false) != NONE;
    }

    int groupCount() {
        return groups;
    }

    /** The first record of a group. */
    int first(int group) {
        return firstRecord[group];
    }

    /** The record after this one in its group, or {@link #NONE}. */
    int next(int record) {
        return nextInGroup[record];
    }

    /** Where the record starts in the spool file. */
    long offset(int record) {
        return offsets[record];
    }

    /** Where the record ends: records are written one after another, so where the next one starts. */
    long end(int record, long spoolSize) {
        return record + 1 < records ? offsets[record + 1] : spoolSize;
    }

    private int find(String name, boolean remember) {
        for (int i = 0; i < RECENT; i++) {
            if (name.equals(recentNames[i])) {
                return recentGroups[i];
            }
        }
        digest(name);
        int mask = slots.length - 1;
        for (int slot = (int) low & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int group = slots[slot] - 1;
            if (digestHigh[group] == high && digestLow[group] == low) {
                if (remember) {
                    remember(name, group);
                }
                return group;
            }
        }
        return NONE;
    }

    /** A new group; a named one takes the digest {@link #find} just computed. */
    private int newGroup(boolean named) {
        int group = groups++;
        if (group == firstRecord.length) {
            digestHigh = Arrays.copyOf(digestHigh, group * 2);
            digestLow = Arrays.copyOf(digestLow, group * 2);
            firstRecord = Arrays.copyOf(firstRecord, group * 2);
            lastRecord = Arrays.copyOf(lastRecord, group * 2);
        }
        firstRecord[group] = NONE;
        if (named) {
            digestHigh[group] = high;
            digestLow[group] = low;
            place(group);
            if (2 * ++namedGroups > slots.length) {
                rehash();
            }
        }
        return group;
    }

    private void place(int group) {
        int mask = slots.length - 1;
        int slot = (int) digestLow[group] & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = group + 1;
    }

    private void rehash() {
        int[] old = slots;
        slots = new int[old.length * 2];
        for (int entry : old) {
            if (entry != 0) {
                place(entry - 1);
            }
        }
    }

    private void remember(String name, int group) {
        recentNames[recentNext] = name;
        recentGroups[recentNext] = group;
        recentNext = (recentNext + 1) % RECENT;
    }

    /** Digests the name's UTF-16 units as they are: an encoder would turn lone surrogates into one "?". */
    private void digest(String name) {
        int length = 2 * name.length();
        if (units.length < length) {
            units = new byte[Math.max(length, 2 * units.length)];
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            units[2 * i] = (byte) (c >> 8);
            units[2 * i + 1] = (byte) c;
        }
        sha256.update(units, 0, length);
        try {
            sha256.digest(hash, 0, hash.length);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 gives 32 bytes", e);
        }
        high = 0;
        low = 0;
        for (int i = 0; i < 8; i++) {
            high = high << 8 | (hash[i] & 0xFF);
            low = low << 8 | (hash[i + 8] & 0xFF);
        }
    }
}
