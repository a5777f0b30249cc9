package org.kechuang.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The random draws of one generated record. Every record has a generator of its own, seeded from the demo seed, the
 * record kind and the record's number, so record 42 is the same whether 100 or 5,000 records are generated.
 */
final class Draws {

    static final String ALGORITHM = "L64X128MixRandom";

    private final RandomGenerator random;

    private Draws(RandomGenerator random) {
        this.random = random;
    }

    static Draws of(long seed, String kind, int number) {
        long mixed = seed;
        for (char c : kind.toCharArray()) {
            mixed = mixed * 31 + c;
        }
        mixed = mixed * 1_000_003L + number;
        return new Draws(RandomGeneratorFactory.of(ALGORITHM).create(mixed));
    }

    int between(int min, int max) {
        return min == max ? min : random.nextInt(min, max + 1);
    }

    double between(double min, double max) {
        return min == max ? min : random.nextDouble(min, max);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** An item other than {@code not} where the list has one. */
    <T> T pickOther(List<T> items, T not) {
        if (items.size() < 2) {
            return items.getFirst();
        }
        T picked = pick(items);
        while (picked.equals(not)) {
            picked = pick(items);
        }
        return picked;
    }

    <T> T weighted(List<T> items, ToIntFunction<T> weight) {
        int total = 0;
        for (T item : items) {
            total += weight.applyAsInt(item);
        }
        int at = random.nextInt(total);
        for (T item : items) {
            at -= weight.applyAsInt(item);
            if (at < 0) {
                return item;
            }
        }
        throw new IllegalStateException("weights changed while drawing");
    }

    /** {@code count} distinct items (fewer when the list is shorter), in the list's order. */
    <T> List<T> some(List<T> items, int count) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            positions.add(i);
        }
        List<Integer> chosen = new ArrayList<>();
        for (int n = 0; n < Math.min(count, items.size()); n++) {
            chosen.add(positions.remove(random.nextInt(positions.size())));
        }
        chosen.sort(null);
        return chosen.stream().map(items::get).toList();
    }

    /** A value of the range rounded to {@code decimals} (negative: to tens, hundreds, …), never outside the range. */
    BigDecimal value(double min, double max, int decimals) {
        BigDecimal drawn = BigDecimal.valueOf(between(min, max)).setScale(decimals, RoundingMode.HALF_UP);
        BigDecimal low = BigDecimal.valueOf(min);
        BigDecimal high = BigDecimal.valueOf(max);
        if (drawn.compareTo(low) < 0) {
            drawn = low;
        } else if (drawn.compareTo(high) > 0) {
            drawn = high;
        }
        BigDecimal plain = drawn.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }
}
