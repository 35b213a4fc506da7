package io.apolloroutes.bench;

import static io.apolloroutes.bench.SyntheticData.pick;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Sequences in the pack's wide layout (README, "One row per sequence"): one row per sequence, a group of
 * numbered columns per step, written from {@link SyntheticData}'s text fragments and just as deterministic
 * (fixed seed, {@link Random}). One row is one sequence, so a file at {@code input.max-rows} holds as many
 * sequences as a file can.
 *
 * <p>Shape:
 * <ul>
 *   <li>every sequence: an email that starts a thread (subject and body), then a follow-up email in that
 *       thread after 1 to 7 days (a body without a subject);</li>
 *   <li>about half of them a third step after 1 to 5 days: a call or a task, mostly with a note, or a
 *       LinkedIn connection request;</li>
 *   <li>about 1 % carry a typical mistake: a wait typed as words ({@code soon}, {@code next week}) in
 *       {@code Step 2 Wait Days}, which is no whole number, so the invalid path and the dead-letter file
 *       are exercised too;</li>
 *   <li>the text as in the step-row files ({@code {{first_name}}}, commas, quotes, line breaks, accents,
 *       an emoji, about 30 % HTML), with shorter emails: 1,000,000 rows must stay under the default
 *       {@code input.max-file-size} (512 MB), about 450 bytes a row.</li>
 * </ul>
 */
final class WideData {

    static final List<String> HEADER = List.of("Sequence", "Permissions", "Labels", "Step 1 Subject", "Step 1 Body",
            "Step 2 Wait Days", "Step 2 Body", "Step 3 Type", "Step 3 Wait Days", "Step 3 Note");

    private static final double THIRD_STEP_SHARE = 0.5;
    private static final double INVALID_SHARE = 0.01;

    private static final String[] THIRD_STEPS = {"call", "Call", "action_item", "linkedin_step_connect"};
    private static final String[] FOLLOW_UPS = {
            "{{first_name}}, just bringing this back to the top of your inbox.",
            "Any thoughts on %s, {{first_name}}?",
            "Did this reach the right person at {{company}}?",
            "Re \"%s\": would a short call help?"};
    /** Waits typed before anyone decided on a number. */
    private static final String[] VAGUE_WAITS = {"soon", "next week", "ASAP", "tbd", "after the call"};

    private WideData() {
    }

    /** Generates exactly {@code rows} data rows, one sequence each (after the header, which the caller writes). */
    static SyntheticData.Expectation generate(int rows, SyntheticData.RowSink sink) throws IOException {
        Random random = new Random(SyntheticData.SEED + 2);
        int invalid = 0;
        for (int number = 1; number <= rows; number++) {
            boolean mistake = random.nextDouble() < INVALID_SHARE;
            if (mistake) {
                invalid++;
            }
            sink.row(row(random, number, mistake));
        }
        return new SyntheticData.Expectation(rows, rows, rows - invalid, invalid, rows - invalid, invalid, 0);
    }

    private static Object[] row(Random random, int number, boolean mistake) {
        Object[] cells = new Object[HEADER.size()];
        Arrays.fill(cells, "");
        String region = pick(random, SyntheticData.REGIONS);
        String team = pick(random, SyntheticData.TEAMS);
        String topic = pick(random, SyntheticData.TOPICS);
        String sender = pick(random, SyntheticData.SENDERS);
        // the number keeps every name unique: in this layout a name on two rows is an error
        cells[0] = String.format("%s %s %s — %s #%07d", pick(random, SyntheticData.QUARTERS), team,
                pick(random, SyntheticData.SEGMENTS), region, number);
        cells[1] = random.nextDouble() < 0.8 ? pick(random, SyntheticData.PERMISSIONS) : "";
        cells[2] = team + ";" + pick(random, SyntheticData.QUARTERS) + (random.nextBoolean() ? "|" + region : "");
        cells[3] = String.format(pick(random, SyntheticData.SUBJECTS), topic);
        List<String> first = new ArrayList<>();
        first.add(random.nextBoolean() ? "Hi {{first_name}}," : "Hello {{first_name}},");
        String opener = String.format(pick(random, SyntheticData.OPENERS), region, topic, 10 + random.nextInt(60));
        first.add(random.nextDouble() < 0.25
                ? opener + " " + String.format(pick(random, SyntheticData.MIDDLES), 3 + random.nextInt(40)) : opener);
        first.add(String.format(pick(random, SyntheticData.ASKS), pick(random, SyntheticData.WHEN)));
        cells[4] = SyntheticData.email(first, sender, random.nextDouble() < 0.3);
        cells[5] = mistake ? pick(random, VAGUE_WAITS) : (Object) (1 + random.nextInt(7));
        cells[6] = SyntheticData.email(List.of(String.format(pick(random, FOLLOW_UPS), topic)), sender,
                random.nextDouble() < 0.3);
        if (random.nextDouble() < THIRD_STEP_SHARE) {
            String type = pick(random, THIRD_STEPS);
            cells[7] = type;
            cells[8] = 1 + random.nextInt(5);
            if (!type.startsWith("linkedin") && random.nextDouble() < 0.7) {
                cells[9] = String.format(pick(random, SyntheticData.NOTES), topic, region);
            }
        }
        return cells;
    }
}
