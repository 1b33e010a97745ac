/**
 * What a sampled stitch gets wrong, said wherever its figures are shown (docs/joins.md, "Reading
 * a sampled stitch"): a profile chained through several records can be seen in parts.
 */
export const SAMPLED_STITCH_CAVEAT =
  'On a sample, a profile chained through several records can be seen in parts, so unified profiles tend to read high and linked shares low. For exact figures, raise keyBudget and linkBudget (--key-budget, --link-budget) until the stitch is exact.';
