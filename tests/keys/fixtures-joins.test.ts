import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIdentityGraph, findJoins, maskValue, profileDataset, type DatasetProfile, type IdentityGraph, type JoinCandidate } from '../../src/index';

// Join discovery and the dry-run stitch on the demo fixtures, against the ground truth written by
// fixtures/generate.ts. Direction is ignored: a true join may come back with its sides swapped.
interface Side {
  dataset: string;
  column: string;
}
interface TrueJoin {
  left: Side;
  right: Side;
  keyKind: string;
  transform: string;
  transformAppliesTo: 'left' | 'right' | 'both' | 'none';
  matchedValues: number;
  containmentLeft: number;
  containmentRight: number;
  cardinality: JoinCandidate['cardinality'];
}
interface GroundTruth {
  datasets: Record<string, { path: string }>;
  joins: TrueJoin[];
  notJoins: { attributeColumns: Side[]; temptingPairs: { left: Side; right: Side; reason: string }[] };
  defects: { customers: { emailJunk: number; emailJunkValues: Record<string, number> } };
  stitching: { excludingJunkEmails: { profiles: number }; includingJunkEmails: { profiles: number } };
}
const truth = JSON.parse(readFileSync('fixtures/ground-truth.json', 'utf8')) as GroundTruth;

const ref = (s: Side): string => `${s.dataset}.${s.column}`;
const pairKey = (a: Side, b: Side): string => [ref(a), ref(b)].sort().join(' = ');
const FLIP: Record<JoinCandidate['cardinality'], JoinCandidate['cardinality']> = { '1:1': '1:1', '1:n': 'n:1', 'n:1': '1:n', 'n:m': 'n:m' };

let profiles: DatasetProfile[] = [];
let joins: JoinCandidate[] = [];
let accepted: JoinCandidate[] = [];
let graph: IdentityGraph;

beforeAll(async () => {
  profiles = [];
  for (const [name, dataset] of Object.entries(truth.datasets)) profiles.push(await profileDataset(dataset.path, { region: 'GB', name }));
  joins = findJoins(profiles);
  accepted = joins.filter((j) => j.accepted);
  graph = buildIdentityGraph(profiles, joins);
}, 60_000);

/** The accepted candidate for a true join, and whether its sides are swapped relative to the truth. */
function found(t: TrueJoin): { join: JoinCandidate; flipped: boolean } | undefined {
  const join = accepted.find((j) => pairKey(j.left, j.right) === pairKey(t.left, t.right));
  return join === undefined ? undefined : { join, flipped: ref(join.left) !== ref(t.left) };
}

/**
 * Each true join with its accepted candidate (sides swapped or not) and a label. A true join not
 * found fails the calling test here, rather than being skipped.
 */
function foundJoins(): { t: TrueJoin; join: JoinCandidate; flipped: boolean; label: string }[] {
  return truth.joins.map((t) => {
    const label = pairKey(t.left, t.right);
    const f = found(t);
    expect(f, label).toBeDefined();
    return { t, label, ...f! };
  });
}

describe('join discovery on the demo fixtures', () => {
  it('accepts every true join', () => {
    const missing = truth.joins.filter((t) => found(t) === undefined).map((t) => pairKey(t.left, t.right));
    expect(missing).toEqual([]);
  });

  it('applies the true transform, to the true side', () => {
    for (const { t, join, flipped, label } of foundJoins()) {
      if (t.transformAppliesTo === 'left' || t.transformAppliesTo === 'right') {
        // a hash recipe on the plain side, e.g. sha256(lower(trim(email)))
        const side = flipped ? (t.transformAppliesTo === 'left' ? 'right' : 'left') : t.transformAppliesTo;
        expect(join.transform, label).toBe(t.transform);
        expect(join.transformSide, label).toBe(side);
        expect(join.recipes[0]?.transform, label).toBe(t.transform);
      } else if (t.transformAppliesTo === 'both') {
        expect(join.transform, label).toBe(t.transform);
        expect(join.transformSide, label).toBe('both');
      } else {
        // compared as they are (up to the kind's normalisation): no hash recipe
        expect(join.transformSide, label).toBe('both');
        expect(join.transform, label).not.toMatch(/^(sha|md5)/i);
        expect(join.recipes, label).toEqual([]);
      }
    }
  });

  it('measures the true matched values, containments and cardinality', () => {
    for (const { t, join, flipped, label } of foundJoins()) {
      expect(join.exact, label).toBe(true);
      expect(join.matchedValues, label).toBe(t.matchedValues);
      const [left, right] = flipped ? [join.containmentRight, join.containmentLeft] : [join.containmentLeft, join.containmentRight];
      expect(Math.abs(left - t.containmentLeft), `${label} containment of ${ref(t.left)}: ${left}`).toBeLessThanOrEqual(0.005);
      expect(Math.abs(right - t.containmentRight), `${label} containment of ${ref(t.right)}: ${right}`).toBeLessThanOrEqual(0.005);
      expect(flipped ? FLIP[join.cardinality] : join.cardinality, label).toBe(t.cardinality);
    }
  });

  it('accepts no join outside the truth', () => {
    const trueKeys = new Set(truth.joins.map((t) => pairKey(t.left, t.right)));
    expect(accepted.map((j) => pairKey(j.left, j.right)).filter((k) => !trueKeys.has(k))).toEqual([]);
    expect(new Set(accepted.map((j) => pairKey(j.left, j.right))).size).toBe(accepted.length);
  });

  it('accepts no join on an attribute column or a tempting pair', () => {
    const used = new Set(accepted.flatMap((j) => [ref(j.left), ref(j.right)]));
    expect(truth.notJoins.attributeColumns.map(ref).filter((c) => used.has(c))).toEqual([]);
    const acceptedKeys = new Set(accepted.map((j) => pairKey(j.left, j.right)));
    expect(truth.notJoins.temptingPairs.map((p) => pairKey(p.left, p.right)).filter((k) => acceptedKeys.has(k))).toEqual([]);
  });

  it('explains each accepted join in one sentence naming both columns', () => {
    for (const j of accepted) {
      const label = pairKey(j.left, j.right);
      expect(j.explanation, label).toContain(ref(j.left));
      expect(j.explanation, label).toContain(ref(j.right));
      expect(j.explanation, label).not.toContain('\n');
      // one sentence: a single full stop (or ! ?) followed by a space or the end, and it is the last character
      expect(j.explanation.match(/[.!?](?=\s|$)/g), `${label}: ${j.explanation}`).toHaveLength(1);
      expect(j.explanation.endsWith('.'), label).toBe(true);
    }
  });
});

describe('the identity graph of the demo fixtures', () => {
  it('stitches the documented number of unified profiles, exactly', () => {
    // the ground truth's union-find over every record, junk emails left out (9,035 when written)
    expect(graph.stitch.unifiedProfiles).toBe(truth.stitching.excludingJunkEmails.profiles);
    expect(graph.stitch.exact).toBe(true);
  });

  it('connects all four datasets', () => {
    expect(graph.components).toHaveLength(1);
    expect(graph.unreachable).toEqual([]);
  });

  it('reports the CRM junk emails with their counts', () => {
    const crmJunk = graph.junk.filter((v) => v.dataset === 'customers' && v.column === 'email');
    const expected = Object.entries(truth.defects.customers.emailJunkValues);
    expect(crmJunk).toHaveLength(expected.length);
    for (const [value, rows] of expected) {
      // values are masked by default
      const entry = crmJunk.find((v) => v.value === value || v.value === maskValue(value, 'email'));
      expect(entry, value).toBeDefined();
      expect(entry!.rows, value).toBe(rows);
    }
    expect(crmJunk.reduce((n, v) => n + v.rows, 0)).toBe(truth.defects.customers.emailJunk);
  });
});
