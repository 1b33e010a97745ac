import { columnRefKey, touchesColumn, type ColumnRef, type DatasetProfile, type IdentityGraph, type JoinCandidate } from '../../model';
import { ATTRIBUTE_GROUPS, type AttributeGroup } from '../attributes';
import type { ReadinessFacts } from '../facts';
import { datasetIn, n, pct, type FindingDraft } from './draft';

const ATTRIBUTE_WORDS: Readonly<Record<AttributeGroup, { what: string; fix: string }>> = {
  name: { what: "customers' names", fix: 'a first and last name (or full name) column' },
  location: { what: 'where customers are', fix: 'a postcode, city or country column' },
  consent: { what: 'marketing consent', fix: 'a consent or opt-in column (with its date and source)' },
  dates: { what: 'any date', fix: 'created, last order or last activity dates' },
};

/** Findings about the datasets together: attributes nobody holds, hashes nobody can match. */
export function estateFindings(facts: ReadinessFacts, profiles: readonly DatasetProfile[], joins: readonly JoinCandidate[], graph: IdentityGraph, ignore?: readonly ColumnRef[]): FindingDraft[] {
  const out: FindingDraft[] = [];
  const target = graph.hub ?? facts.datasets[0]?.dataset;
  if (target !== undefined) {
    for (const group of ATTRIBUTE_GROUPS) {
      if (facts.datasets.some((d) => d.attributes[group] !== null)) continue;
      const words = ATTRIBUTE_WORDS[group];
      out.push({
        code: 'PROFILE_ATTRIBUTE_MISSING',
        dataset: null,
        column: null,
        evidence: { datasets: facts.datasets.length },
        message: `None of the ${n(facts.datasets.length)} datasets records ${words.what}, so the customer view will lack it.`,
        fix: `Add ${words.fix} to one of the sources, ideally ${target}. stitchscan recognises the group from semantic types and column names (docs/scoring.md).`,
        repair: (f) => void (datasetIn(f, target).attributes[group] = 1),
      });
    }
  }
  const plainKinds = new Set(['email', 'phone']);
  const hasPlain = profiles.some((p) => p.columns.some((c) => plainKinds.has(c.semanticType ?? '')));
  const ignored = new Set((ignore ?? []).map(columnRefKey));
  for (const profile of profiles) {
    for (const column of profile.columns) {
      const ref = { dataset: profile.name, column: column.name };
      if (column.semanticType !== 'hashed' || column.valueCount === 0 || !hasPlain || ignored.has(columnRefKey(ref))) continue;
      // a hash that joins anything (plain values or other hashes) is matched by some recipe
      if (joins.some((j) => j.accepted && touchesColumn(j, ref))) continue;
      const rate = Math.max(0, ...joins.filter((j) => touchesColumn(j, ref) && j.transformSide !== 'both').map((j) => j.recipes[0]?.matchRate ?? 0));
      out.push({
        code: 'HASH_RECIPE_MISMATCH',
        dataset: profile.name,
        column: column.name,
        evidence: { distinctHashes: column.distinctCount, bestMatchRate: Math.round(rate * 1000) / 1000 },
        message:
          rate === 0
            ? `None of the hashed identifiers in ${column.name} of ${profile.name} match an email or phone elsewhere under the common recipes (SHA-256, SHA-1 or MD5 of the normalised value), so they cannot link these records.`
            : `Only ${pct(rate, 1)} of the hashed identifiers in ${column.name} of ${profile.name} match an email or phone elsewhere under the common recipes (SHA-256, SHA-1 or MD5 of the normalised value): too few to link these records.`,
        fix: `Find out how \`${profile.name}.${column.name}\` was hashed (salt, pepper, normalisation before hashing) and hash the plain values the same way, or ask the source to use \`sha256(lower(trim(email)))\`, the recipe most platforms expect.`,
        repair: (f) => void (datasetIn(f, profile.name).reachesHub = true),
      });
    }
  }
  return out;
}
