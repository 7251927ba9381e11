package io.github.flatchrlucca.journal;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * A new hire's id: a UUID of version 7 (RFC 9562), whose first 48 bits are the time it was made, in milliseconds,
 * and whose other 74 are random. Ids made one after the other sort in that order, so the journal's indexes on them
 * (the hire's key, its history's) grow at their end: a group of hires committed together changes one page of each,
 * which H2 keeps in its cache and writes once, where random ids (version 4) changed a page each, read back from the
 * disk and written again. Still as hard to guess as a hire id needs to be: 74 random bits. Written here because
 * Java 17 makes only version 4 and 3 UUIDs.
 */
final class HireIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private HireIds() {
    }

    /** The id of a hire made at {@code epochMillis}. */
    static String at(long epochMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long low = 0x8000_0000_0000_0000L | ((random[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low).toString();
    }
}
