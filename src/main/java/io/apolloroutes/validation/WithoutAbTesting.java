package io.apolloroutes.validation;

/**
 * Validation group for rules that hold only when A/B testing is off ({@code apollo.ab-testing=false}):
 * Apollo accepts several email variants per step only on plans that include A/B tests.
 */
public interface WithoutAbTesting {
}
