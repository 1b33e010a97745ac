import { z } from 'zod';
import { StitchscanError } from '../errors';
import { assertDatasetNamed } from '../dataset-names';
import { ColumnRefSchema, touchesColumn as touches, type DatasetProfile, type JoinCandidate } from '../model';

/** Columns the user knows better about: `force` makes a column's best candidate join accepted, `ignore` keeps a column out of joins and the stitch. */
export const KeyHintsSchema = z.object({
  force: z.array(ColumnRefSchema).default([]),
  ignore: z.array(ColumnRefSchema).default([]),
});
export type KeyHints = z.input<typeof KeyHintsSchema>;

/** A hint must name a column of a dataset being scanned: a typo would otherwise do nothing, silently. */
export function checkKeyHints(hints: z.output<typeof KeyHintsSchema>, profiles: readonly DatasetProfile[]): void {
  const names = profiles.map((p) => p.name);
  for (const [kind, refs] of [['force', hints.force], ['ignore', hints.ignore]] as const) {
    for (const r of refs) {
      assertDatasetNamed(names, r.dataset, `keyHints.${kind}`);
      const profile = profiles[names.indexOf(r.dataset)]!;
      if (!profile.columns.some((c) => c.name === r.column)) {
        throw new StitchscanError('E_INVALID_OPTION', `Invalid option keyHints.${kind}: ${r.dataset} has no column ${r.column}`, {
          hint: `Columns of ${r.dataset}: ${profile.columns.map((c) => c.name).join(', ')}.`,
        });
      }
    }
  }
}

/**
 * Applies the user's key hints to measured candidates: candidates touching an ignored column are
 * rejected (`ignored_by_user`); for each forced column, its best candidate with shared values is
 * accepted (`forced_by_user`) when no candidate of that column is accepted already.
 */
export function applyKeyHints(candidates: JoinCandidate[], hints: z.output<typeof KeyHintsSchema>): void {
  for (const r of hints.ignore) {
    for (const c of candidates) {
      if (!touches(c, r)) continue;
      c.accepted = false;
      if (!c.reasons.includes('ignored_by_user')) c.reasons.push('ignored_by_user');
    }
  }
  for (const r of hints.force) {
    const mine = candidates.filter((c) => touches(c, r) && !c.reasons.includes('ignored_by_user'));
    if (mine.some((c) => c.accepted)) continue;
    const best = mine.filter((c) => c.matchedValues > 0).sort((a, b) => b.matchedValues - a.matchedValues || b.confidence - a.confidence)[0];
    if (best === undefined) continue;
    best.accepted = true;
    best.reasons.push('forced_by_user');
  }
}
