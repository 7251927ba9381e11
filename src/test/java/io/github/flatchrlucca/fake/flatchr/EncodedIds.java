package io.github.flatchrlucca.fake.flatchr;

import java.util.SplittableRandom;

/**
 * Ids shaped like Flatchr's encoded ones (16 letters and digits). Drawn from a fixed seed, so a test that
 * prints one sees the same id on every run.
 */
final class EncodedIds {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 16;

    private final SplittableRandom random = new SplittableRandom(0x466C6174636872L);

    synchronized String next() {
        StringBuilder id = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
