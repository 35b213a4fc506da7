package io.apolloroutes.validation;

/**
 * Validation group for rules that hold only when A/B testing is off ({@code apollo.ab-testing=false}):
 * Apollo accepts several email variants per step only on plans that include A/B tests.
 *
 * <p>{@link SequenceValidator} runs this group only when some step has more than one touch, the one
 * thing its rules can fail on (each group is a walk over the whole request). A rule added to the group
 * that can fail otherwise must change that check too.
 */
public interface WithoutAbTesting {
}
