package io.apolloroutes.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The numbered step columns of a wide header (one row per sequence), by step and email variant, with
 * what is wrong with them: two headers for one slot, a variant letter on a step setting, a step 0.
 * The same checks serve a CSV header (where they stop the file) and the keys of a flat JSON row (where
 * they stop that row's sequence).
 */
public final class StepColumns {

    /**
     * One numbered header.
     *
     * @param index its position in the header (or among the keys of a JSON row)
     * @param label the header as the user wrote it
     */
    public record Entry(int index, String label, NumberedColumn name) {
    }

    /**
     * The columns of one step: its settings (type, wait, …) and, per email variant, the email's fields.
     * A header that names its wait unit ({@code Wait Days}) stands under both wait_time and wait_mode.
     */
    public record Step(int number, Map<Column, Entry> settings, SortedMap<Character, Map<Column, Entry>> variants) {

        /** The step's first header in the file, to name the step as a whole. */
        public String firstLabel() {
            return entries().stream().min(Comparator.comparingInt(Entry::index)).map(Entry::label).orElseThrow();
        }

        /** The step's headers, each once, though one that names its wait unit fills two columns. */
        public List<Entry> entries() {
            List<Entry> all = new ArrayList<>(settings.values());
            variants.values().forEach(variant -> all.addAll(variant.values()));
            return all.stream().distinct().toList();
        }
    }

    /**
     * A header that cannot be used.
     *
     * @param earlier the header that already fills the same slot, or null when the header is wrong on its own
     * @param message what is wrong; for a duplicate, the slot both headers fill ({@code step 1 body})
     */
    public record HeaderProblem(Entry entry, Entry earlier, String message) {

        /** As part of a whole-file message, naming header positions the way the step-row checks do. */
        public String inHeader() {
            return earlier == null
                    ? String.format("column %d (\"%s\") %s", entry.index() + 1, entry.label(), message)
                    : String.format("columns %d (\"%s\") and %d (\"%s\") both mean %s; keep one of them",
                    earlier.index() + 1, earlier.label(), entry.index() + 1, entry.label(), message);
        }

        /** As the message of a problem on the entry's own column (a JSON key). */
        public String onColumn() {
            return earlier == null ? message
                    : String.format("means the same as \"%s\" (%s); keep one of them", earlier.label(), message);
        }
    }

    private final SortedMap<Integer, Step> steps;
    private final List<HeaderProblem> problems;

    private StepColumns(SortedMap<Integer, Step> steps, List<HeaderProblem> problems) {
        this.steps = steps;
        this.problems = problems;
    }

    /** Sorts numbered headers into steps and variants; the first header of a slot wins, later ones are problems. */
    public static StepColumns of(List<Entry> entries) {
        SortedMap<Integer, Map<Column, Entry>> settings = new TreeMap<>();
        SortedMap<Integer, SortedMap<Character, Map<Column, Entry>>> variants = new TreeMap<>();
        List<HeaderProblem> problems = new ArrayList<>();
        for (Entry entry : entries) {
            NumberedColumn name = entry.name();
            Column column = name.column();
            if (name.step() < 1) {
                problems.add(new HeaderProblem(entry, null, "is numbered " + name.step()
                        + ", but steps are numbered from 1; renumber the step columns 1, 2, 3…"));
                continue;
            }
            boolean stepSetting = column.level() == Column.Level.STEP;
            if (stepSetting && name.variant() != 'a') {
                // Apollo keeps type, wait and the other step settings once per step, not per email
                problems.add(new HeaderProblem(entry, null, String.format("has the variant letter %s, but %s is a"
                                + " setting of the whole step %d, shared by all its emails; remove the letter (one %s"
                                + " column per step)", Character.toUpperCase(name.variant()), column.canonicalName(),
                        name.step(), column.canonicalName())));
                continue;
            }
            Map<Column, Entry> slot = stepSetting
                    ? settings.computeIfAbsent(name.step(), n -> new EnumMap<>(Column.class))
                    : variants.computeIfAbsent(name.step(), n -> new TreeMap<>())
                    .computeIfAbsent(name.variant(), v -> new EnumMap<>(Column.class));
            for (Column fills : name.fills()) {
                Entry earlier = slot.putIfAbsent(fills, entry);
                if (earlier != null) {
                    problems.add(new HeaderProblem(entry, earlier,
                            NumberedColumn.describe(name.step(), name.variant(), fills)));
                    break;
                }
            }
        }
        SortedMap<Integer, Step> steps = new TreeMap<>();
        SortedSet<Integer> numbers = new TreeSet<>(settings.keySet());
        numbers.addAll(variants.keySet());
        for (Integer number : numbers) {
            SortedMap<Character, Map<Column, Entry>> stepVariants = new TreeMap<>();
            variants.getOrDefault(number, Collections.emptySortedMap())
                    .forEach((letter, fields) -> stepVariants.put(letter, Collections.unmodifiableMap(fields)));
            steps.put(number, new Step(number, Collections.unmodifiableMap(settings.getOrDefault(number, Map.of())),
                    Collections.unmodifiableSortedMap(stepVariants)));
        }
        return new StepColumns(Collections.unmodifiableSortedMap(steps), List.copyOf(problems));
    }

    /** True for a step-row header. */
    public boolean isEmpty() {
        return steps.isEmpty() && problems.isEmpty();
    }

    /** The steps that have columns, in step order. */
    public Collection<Step> steps() {
        return steps.values();
    }

    /** The columns of one step, or empty when the header has none for it. */
    public Optional<Step> step(int number) {
        return Optional.ofNullable(steps.get(number));
    }

    public List<HeaderProblem> problems() {
        return problems;
    }

    /**
     * A header whose step numbers skip one (columns for steps 1 and 3, none for 2), as a whole-file
     * message; empty when they run 1, 2, 3… Only for headers: a JSON row simply leaves out the keys of
     * empty steps, which the mapping reports as a gap in that row.
     */
    public Optional<String> gap() {
        int expected = 1;
        for (Step step : steps.values()) {
            if (step.number() != expected) {
                List<String> labels = step.entries().stream().sorted(Comparator.comparingInt(Entry::index))
                        .map(e -> "\"" + e.label() + "\"").toList();
                return Optional.of(String.format("the header has columns for step %d (%s) but none for step %d;"
                                + " number the step columns 1, 2, 3… without gaps", step.number(),
                        String.join(", ", labels.size() > 3 ? labels.subList(0, 3) : labels)
                                + (labels.size() > 3 ? ", …" : ""), expected));
            }
            expected++;
        }
        return Optional.empty();
    }
}
