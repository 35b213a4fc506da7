package io.apolloroutes.bench;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Step rows as a sales team writes them, in the pack's CSV layout, generated deterministically (fixed
 * seed, {@link Random}'s specified algorithm) so every run and every machine sees the same file.
 *
 * <p>Shape:
 * <ul>
 *   <li>sequences of 4 to 6 steps: the first an email that starts a thread, later ones emails (most
 *       replying in the thread, without a subject), manual emails, calls with a note, LinkedIn
 *       connection requests;</li>
 *   <li>about 6 % of the sequences test two variants of one email (an A/B test: two rows on one step),
 *       which is why the pack runs with {@code apollo.ab-testing=true};</li>
 *   <li>about 1 % carry a typical mistake ({@code weeks} as the wait mode), so the invalid path and
 *       the dead-letter file are exercised too;</li>
 *   <li>subjects and multi-paragraph bodies with {@code {{first_name}}} and {@code {{company}}}, commas,
 *       quotes and line breaks (quoted CSV cells), non-ASCII text (accents, €, CJK, an emoji) and about
 *       30 % HTML bodies;</li>
 *   <li>the rows of a sequence are not adjacent: six sequences are written interleaved at any time, and
 *       the last row of about 3 % of the sequences stands at the very end of the file.</li>
 * </ul>
 */
final class SyntheticData {

    static final long SEED = 20261126L;

    static final List<String> HEADER = List.of("sequence", "permissions", "labels", "step", "type", "wait_time",
            "wait_mode", "subject", "body", "note");

    /** Receives the rows; cells are {@code String} (empty for none) or {@code Integer} (step and wait_time). */
    interface RowSink {
        void row(Object[] cells) throws IOException;
    }

    /** What the pack must report for the generated file (also for {@link WideData}'s). */
    record Expectation(int rows, int sequences, int validSequences, int invalidSequences, int validRows,
                       int invalidRows, int abSequences) {
    }

    private static final int WINDOW = 6;
    private static final double AB_SHARE = 0.06;
    private static final double INVALID_SHARE = 0.01;
    private static final double LATE_ROW_SHARE = 0.03;

    static final String[] TEAMS = {"Outbound", "Expansion", "Renewals", "Partners", "Events", "Inbound follow-up"};
    static final String[] SEGMENTS = {"VP Sales", "RevOps", "CFOs", "Founders", "IT leads", "HR directors",
            "Marketing ops", "Procurement"};
    static final String[] REGIONS = {"Berlin", "München", "Zürich", "São Paulo", "Montréal", "Kraków",
            "Málaga", "Göteborg", "東京", "Austin", "London", "Paris", "Lyon", "Toronto", "Dublin", "Reykjavík"};
    static final String[] QUARTERS = {"Q1", "Q2", "Q3", "Q4"};
    static final String[] PERMISSIONS = {"team_can_use", "team_can_use", "team_can_view", "private"};
    static final String[] TOPICS = {"pipeline reviews", "forecast accuracy", "onboarding", "renewal risk",
            "territory planning", "data hygiene", "payroll in € and £", "café-style stand-ups", "quote approvals",
            "lead routing", "the naïve CRM export", "SOC 2 paperwork"};
    static final String[] OPENERS = {
            "I noticed {{company}} is hiring in %s, which usually means %s gets harder before it gets easier.",
            "Teams like yours in %s tell us that %s eats a surprising part of the week.",
            "Quick one: how is {{company}} handling %s right now?",
            "We helped a team in %s cut the time spent on %s by %d%% last quarter."};
    static final String[] MIDDLES = {
            "Most of them started with a spreadsheet, a few \"temporary\" macros and a lot of good will.",
            "The fix was not a new tool, but one shared definition everyone could agree on.",
            "It took them about %d days to see the first results, and nobody had to change how they work.",
            "Their head of sales put it simply: \"fewer meetings about the numbers, more meetings with customers\".",
            "If that sounds familiar, I'd be glad to share what worked — and what didn't.",
            "Happy to send the two-page summary (in English, Deutsch or Français) if that is easier."};
    static final String[] ASKS = {
            "Would %s work for a 15-minute call?",
            "Is this on your list for %s, or should I check back later?",
            "Who at {{company}} would be the right person to ask about this?",
            "Worth a short chat before %s?"};
    static final String[] WHEN = {"Tuesday morning", "Thursday afternoon", "next week", "the end of the month",
            "Q3 planning", "your next offsite"};
    static final String[] SENDERS = {"Jana Nováková", "Zoë Müller", "Luís Fernández", "Søren Ødegaard",
            "Amélie Durand", "Sam Carter", "田中 優子"};
    static final String[] SUBJECTS = {
            "{{first_name}}, a question about %s",
            "Idea for {{company}}: %s",
            "%s at {{company}}?",
            "{{first_name}} — 15 minutes on %s?",
            "Café chat about %s ☕",
            "🚀 {{first_name}}, %s in two minutes",
            "Following up on %s"};
    static final String[] NOTES = {
            "Call {{first_name}} about %s; mention the case study from %s.",
            "Ask who owns %s at {{company}}.",
            "Leave a short voicemail if no answer; reference the email about %s."};

    private SyntheticData() {
    }

    /** Generates exactly {@code rows} data rows (after the header, which the caller writes). */
    static Expectation generate(int rows, RowSink sink) throws IOException {
        Random plans = new Random(SEED);
        Random order = new Random(SEED + 1);
        List<Deque<Object[]>> open = new ArrayList<>();
        List<Object[]> lateRows = new ArrayList<>();
        int remaining = rows;
        int sequences = 0;
        int invalidSequences = 0;
        int invalidRows = 0;
        int abSequences = 0;
        while (remaining > 0 || !open.isEmpty()) {
            while (open.size() < WINDOW && remaining > 0) {
                Plan plan = Plan.next(plans, remaining, sequences + 1);
                remaining -= plan.rows();
                sequences++;
                if (plan.invalid) {
                    invalidSequences++;
                    invalidRows += plan.rows();
                }
                if (plan.abStep > 0) {
                    abSequences++;
                }
                Deque<Object[]> sequenceRows = new ArrayDeque<>(plan.write());
                if (sequenceRows.size() > 1 && plans.nextDouble() < LATE_ROW_SHARE) {
                    lateRows.add(sequenceRows.removeLast());
                }
                open.add(sequenceRows);
            }
            int pick = order.nextInt(open.size());
            Deque<Object[]> from = open.get(pick);
            sink.row(from.removeFirst());
            if (from.isEmpty()) {
                open.remove(pick);
            }
        }
        for (Object[] late : lateRows) {
            sink.row(late);
        }
        return new Expectation(rows, sequences, sequences - invalidSequences, invalidSequences, rows - invalidRows,
                invalidRows, abSequences);
    }

    /** One sequence: its steps and what is special about it; the text comes from its own seed. */
    private static final class Plan {
        private final int number;
        private final String[] types;
        private final int abStep;
        private final boolean invalid;

        private Plan(int number, String[] types, int abStep, boolean invalid) {
            this.number = number;
            this.types = types;
            this.abStep = abStep;
            this.invalid = invalid;
        }

        int rows() {
            return types.length + (abStep > 0 ? 1 : 0);
        }

        /** The next plan; the last one of the file takes exactly the rows that are left. */
        static Plan next(Random random, int remaining, int number) {
            int steps = 4 + random.nextInt(3);
            boolean ab = random.nextDouble() < AB_SHARE;
            if (remaining <= 7) {
                // the tail of the file: exactly what is left (7 = six steps and one variant)
                ab = remaining == 7;
                steps = ab ? 6 : remaining;
            } else if (remaining - steps - (ab ? 1 : 0) < 4) {
                // do not leave fewer rows than a sequence needs; the remainder goes to the next, last plan
                ab = false;
                steps = Math.min(6, remaining - 4);
            }
            String[] types = new String[steps];
            types[0] = "auto_email";
            for (int i = 1; i < steps; i++) {
                double kind = random.nextDouble();
                types[i] = kind < 0.65 ? "auto_email" : kind < 0.75 ? "manual_email" : kind < 0.90 ? "call"
                        : "linkedin_step_connect";
            }
            int abStep = 0;
            if (ab) {
                // the variant goes on an automatic email step: the first, or a later one
                List<Integer> candidates = new ArrayList<>();
                for (int i = 0; i < steps; i++) {
                    if (types[i].equals("auto_email")) {
                        candidates.add(i + 1);
                    }
                }
                abStep = candidates.get(random.nextInt(candidates.size()));
            }
            boolean invalid = steps >= 2 && random.nextDouble() < INVALID_SHARE;
            return new Plan(number, types, abStep, invalid);
        }

        List<Object[]> write() {
            Random random = new Random(SEED * 31 + number);
            String region = pick(random, REGIONS);
            String team = pick(random, TEAMS);
            String name = String.format("%s %s %s — %s #%06d", pick(random, QUARTERS), team, pick(random, SEGMENTS),
                    region, number);
            String sender = pick(random, SENDERS);
            String topic = pick(random, TOPICS);
            List<Object[]> rows = new ArrayList<>();
            for (int step = 1; step <= types.length; step++) {
                // one spelling per step: "Auto Email" on one row and auto_email on the next would still
                // agree, but a person fills a step in one go
                String typeLabel = types[step - 1].equals("auto_email") && random.nextDouble() < 0.3
                        ? "Auto Email" : types[step - 1];
                int variants = step == abStep ? 2 : 1;
                for (int variant = 0; variant < variants; variant++) {
                    rows.add(row(random, name, step, typeLabel, variant, region, sender, topic));
                }
            }
            // sequence settings usually stand on the first row, sometimes on another one
            Object[] settings = rows.get(random.nextDouble() < 0.8 ? 0 : random.nextInt(rows.size()));
            settings[1] = pick(random, PERMISSIONS);
            settings[2] = team + ";" + pick(random, QUARTERS) + (random.nextBoolean() ? "|" + region : "");
            return rows;
        }

        private Object[] row(Random random, String name, int step, String typeLabel, int variant, String region,
                             String sender, String topic) {
            String type = types[step - 1];
            Object[] cells = new Object[HEADER.size()];
            Arrays.fill(cells, "");
            cells[0] = name;
            cells[3] = step;
            cells[4] = typeLabel;
            if (variant == 0) {
                // the step's wait stands on its first row only
                if (step == 1) {
                    cells[5] = 0;
                    cells[6] = random.nextBoolean() ? "" : "minute";
                } else if (invalid && step == 2) {
                    cells[5] = 1 + random.nextInt(3);
                    cells[6] = "weeks";
                } else if (random.nextDouble() < 0.1) {
                    cells[5] = 2 + random.nextInt(23);
                    cells[6] = "hour";
                } else {
                    cells[5] = 1 + random.nextInt(7);
                    cells[6] = random.nextDouble() < 0.15 ? "Days" : "day";
                }
            }
            switch (type) {
                case "auto_email", "manual_email" -> {
                    boolean newThread = step == 1 || step == abStep || type.equals("manual_email")
                            || random.nextDouble() < 0.4;
                    cells[7] = newThread ? String.format(pick(random, SUBJECTS), topic) : "";
                    cells[8] = body(random, region, sender, topic, step);
                }
                case "call" -> cells[9] = random.nextDouble() < 0.7 ? String.format(pick(random, NOTES), topic, region) : "";
                default -> {
                    // a LinkedIn connection request: no email, no note
                }
            }
            return cells;
        }

        private static String body(Random random, String region, String sender, String topic, int step) {
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add(random.nextDouble() < 0.5 ? "Hi {{first_name}}," : "Hello {{first_name}},");
            String opener = String.format(pick(random, OPENERS), region, topic, 10 + random.nextInt(60));
            String middle = String.format(pick(random, MIDDLES), 3 + random.nextInt(40));
            paragraphs.add(opener + " " + middle + (random.nextBoolean() ? " " + String.format(pick(random, MIDDLES),
                    5 + random.nextInt(30)) : ""));
            if (step > 1 && random.nextBoolean()) {
                paragraphs.add("Just bringing this back to the top of your inbox, since " + topic
                        + " came up again in our call with a team in " + region + ".");
            }
            paragraphs.add(String.format(pick(random, ASKS), pick(random, WHEN)));
            return email(paragraphs, sender, random.nextDouble() < 0.3);
        }
    }

    /** An email's body from its paragraphs and the sender's sign-off: HTML, or plain text with blank lines. */
    static String email(List<String> paragraphs, String sender, boolean html) {
        if (html) {
            StringBuilder out = new StringBuilder();
            for (String paragraph : paragraphs) {
                out.append("<p>").append(paragraph.replace("&", "&amp;")).append("</p>");
            }
            return out.append("<p>Best,<br>").append(sender).append("</p>").toString();
        }
        List<String> text = new ArrayList<>(paragraphs);
        text.add("Best,\n" + sender);
        return String.join("\n\n", text);
    }

    static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
