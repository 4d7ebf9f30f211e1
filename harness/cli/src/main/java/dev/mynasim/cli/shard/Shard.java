package dev.mynasim.cli.shard;

/**
 * One share of the suite, {@code --shard I/N} (1 ≤ I ≤ N): the same features and the same N give the
 * same split on every machine.
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("--shard must be I/N with 1 <= I <= N, e.g. 2/3; got " + index + "/" + count);
        }
    }

    /** Parses {@code I/N}; a malformed value is refused with what was expected. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("--shard must be I/N, e.g. 2/3; got \"" + text + "\"");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard must be I/N with whole numbers, e.g. 2/3; got \"" + text + "\"");
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
