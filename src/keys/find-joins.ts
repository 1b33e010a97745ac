import { z } from 'zod';
import { assertDistinctNames } from '../dataset-names';
import { describeNormaliser } from '../identity/normalize';
import { recipesFor } from '../identity/key-canon';
import { PERSON_KEY_KINDS } from '../identity/key-kind';
import { columnRefKey, type DatasetProfile, type JoinCandidate, type JunkReport } from '../model';
import { parseOptions } from '../options-error';
import { compareKeySets, type Overlap } from './compare';
import { explainJoin } from './explain';
import { findJunkIdentifiers, junkHashesByDataset } from './junk';
import { keyColumnsOf, keySetAt, type KeyColumn } from './key-columns';
import { applyKeyHints, checkKeyHints, KeyHintsSchema, type KeyHints } from './key-hints';
import { isOwnIdName, nameSimilarity, nameWords } from './names';

export const FindJoinsOptionsSchema = z.object({
  /** candidates below this confidence are not accepted */
  minConfidence: z.number().min(0).max(1).default(0.5),
  /** report candidates that are not accepted too (with the reason) */
  includeRejected: z.boolean().default(true),
});
export type FindJoinsOptions = z.input<typeof FindJoinsOptionsSchema> & {
  /** junk found beforehand with findJunkIdentifiers (computed when absent) */
  junk?: JunkReport;
  /** columns to force into or keep out of the joins (see KeyHintsSchema) */
  keyHints?: KeyHints;
};

/** Shared distinct values below this are coincidence, however high the containment. */
export const MIN_SHARED_VALUES = 3;
/** Person keys of the same kind join when this share of one side's values is shared. */
export const MIN_PERSON_CONTAINMENT = 0.05;
/** Two non-key identifier columns join when this share of one side's values is shared. */
export const MIN_SHARED_ID_CONTAINMENT = 0.5;
/** A foreign key's distinct values must be in the key at this share. */
export const MIN_FOREIGN_KEY_CONTAINMENT = 0.9;
/** Generic keys (counters, short codes) need this name similarity. */
export const MIN_NAME_EVIDENCE = 0.5;

/** Confidence weights: they sum to 1 and multiply the support factor (see docs/joins.md). */
export const CONFIDENCE_WEIGHTS = { overlap: 0.35, kind: 0.3, key: 0.15, evidence: 0.2 } as const;

interface Comparison {
  left: KeyColumn;
  right: KeyColumn;
  /** index of the recipe of the plain side (left), or -1 */
  recipe: number;
}

/**
 * Finds the joins between datasets (and inside one) from their profiles: every pair of
 * compatible key columns is measured on normalised values (containment, match rates,
 * cardinality), hashed columns are matched against plain emails and phones under each hash
 * recipe, and the acceptance rules of docs/joins.md decide. Junk identifiers are left out.
 *
 * @param profiles profiles made by profileDataset with sketches (the default), distinct names
 * @param options minConfidence [0.5], includeRejected [true], junk (precomputed)
 * @returns candidates, accepted first, by confidence
 * @example
 * const joins = findJoins([crm, events]);
 * joins.filter((j) => j.accepted).map((j) => j.explanation);
 */
export function findJoins(profiles: readonly DatasetProfile[], options: FindJoinsOptions = {}): JoinCandidate[] {
  const { minConfidence, includeRejected } = parseOptions(FindJoinsOptionsSchema, { minConfidence: options.minConfidence, includeRejected: options.includeRejected });
  assertDistinctNames(profiles.map((p) => p.name));
  const hints = parseOptions(KeyHintsSchema, options.keyHints ?? {}, { prefix: 'keyHints' });
  checkKeyHints(hints, profiles);
  const junk = options.junk ?? findJunkIdentifiers(profiles);
  const junkHashes = junkHashesByDataset(profiles, junk);
  const columns = profiles.flatMap((p) => keyColumnsOf(p, junkHashes.get(p.name)));
  const candidates: JoinCandidate[] = [];
  const keySides = new Map<JoinCandidate, 'left' | 'right' | null>();
  for (let i = 0; i < columns.length; i++) {
    for (let j = i + 1; j < columns.length; j++) {
      for (const comparison of comparisonsOf(columns[i]!, columns[j]!)) {
        const measured = measure(comparison, minConfidence);
        if (measured === null) continue;
        candidates.push(measured.candidate);
        keySides.set(measured.candidate, measured.keySide);
      }
    }
  }
  keepBestRecipe(candidates);
  oneKeyPerColumn(candidates, keySides);
  applyKeyHints(candidates, hints);
  for (const c of candidates) c.explanation = explainJoin(c, keySides.get(c) ?? null);
  const ranked = candidates.sort((a, b) => Number(b.accepted) - Number(a.accepted) || b.confidence - a.confidence);
  return includeRejected ? ranked : ranked.filter((c) => c.accepted);
}

/** The comparisons two columns allow: same kind, hashes against plain values by recipe, or ids with ids. */
function comparisonsOf(a: KeyColumn, b: KeyColumn): Comparison[] {
  if (a.dataset === b.dataset && a.profile.name === b.profile.name) return [];
  if (a.kind === 'hashed' && (b.kind === 'email' || b.kind === 'phone')) return recipeComparisons(b, a);
  if (b.kind === 'hashed' && (a.kind === 'email' || a.kind === 'phone')) return recipeComparisons(a, b);
  if (PERSON_KEY_KINDS.has(a.kind) || PERSON_KEY_KINDS.has(b.kind)) {
    if (a.kind !== b.kind) return [];
    if (a.kind === 'hashed' && a.profile.hashAlgorithm !== b.profile.hashAlgorithm) return [];
    return [{ left: a, right: b, recipe: -1 }];
  }
  // identifiers and other values: only where a key or two strong identifiers could be involved
  const strongIds = a.kind === 'identifier' && b.kind === 'identifier' && !a.genericDomain && !b.genericDomain;
  return a.isKey || b.isKey || strongIds ? [{ left: a, right: b, recipe: -1 }] : [];
}

function recipeComparisons(plain: KeyColumn, hashed: KeyColumn): Comparison[] {
  const recipes = recipesFor(plain.kind);
  const out: Comparison[] = [];
  recipes.forEach((r, index) => {
    if (hashed.profile.hashAlgorithm === null || r.algorithm === hashed.profile.hashAlgorithm) out.push({ left: plain, right: hashed, recipe: index });
  });
  return out;
}

interface Measured {
  candidate: JoinCandidate;
  keySide: 'left' | 'right' | null;
}

function measure({ left, right, recipe }: Comparison, minConfidence: number): Measured | null {
  const level = Math.max(left.table.state.level, right.table.state.level);
  const overlap = compareKeySets(keySetAt(left, level, recipe), keySetAt(right, level, -1));
  if (overlap.matched === 0) return null;
  const scale = 2 ** level;
  const matched = overlap.matched * scale;
  const containmentLeft = overlap.matched / Math.max(1, overlap.distinctA);
  const containmentRight = overlap.matched / Math.max(1, overlap.distinctB);
  const names = Math.max(nameSimilarity(side(left), side(right)), nameSimilarity(side(right), side(left)));
  const selfJoin = left.dataset === right.dataset;
  const reasons: string[] = [];
  let rule: JoinCandidate['rule'] = 'none';
  let keySide: 'left' | 'right' | null = null;
  let kindScore = 0;
  let overlapScore = Math.max(containmentLeft, containmentRight);
  let evidence = 1;
  // shared distinct values for person keys; rows pointing into the key for foreign keys
  let support = matched;
  const personKind = recipe >= 0 || PERSON_KEY_KINDS.has(left.kind);
  if (personKind) {
    rule = 'identity';
    kindScore = 1;
    reasons.push(recipe >= 0 ? 'hash_recipe_match' : 'person_key');
    if (recipe < 0 && overlapScore < MIN_PERSON_CONTAINMENT) reasons.push('low_containment');
  } else if (left.kind === 'identifier' && right.kind === 'identifier' && !left.genericDomain && !right.genericDomain && !left.isKey && !right.isKey) {
    rule = 'identity';
    kindScore = 0.8;
    reasons.push('shared_identifier');
    if (overlapScore < MIN_SHARED_ID_CONTAINMENT) reasons.push('low_containment');
  } else {
    keySide = chooseKeySide(left, right, containmentLeft, containmentRight);
    if (keySide === null) reasons.push('no_key_side');
    else {
      const key = keySide === 'left' ? left : right;
      const fk = keySide === 'left' ? right : left;
      rule = 'key';
      overlapScore = keySide === 'left' ? containmentRight : containmentLeft;
      const fkName = nameSimilarity(side(fk), side(key));
      kindScore = key.genericDomain ? 0.5 : 0.8;
      evidence = key.genericDomain ? fkName : Math.max(fkName, 0.75);
      support = (keySide === 'left' ? overlap.matchedValuesB : overlap.matchedValuesA) * scale;
      reasons.push('foreign_key');
      if (overlapScore < MIN_FOREIGN_KEY_CONTAINMENT) reasons.push('low_containment');
      if (key.genericDomain && fkName < MIN_NAME_EVIDENCE) reasons.push('generic_domain_no_name_evidence');
      // a table's own id (`Invoice.InvoiceId`) points to another key only under the very same name
      if (fk.isKey && isOwnIdName(side(fk)) && nameWords(fk.profile.name).join(' ') !== nameWords(key.profile.name).join(' ')) reasons.push('own_key');
    }
  }
  if (support < MIN_SHARED_VALUES) reasons.push('too_few_shared');
  const keyScore = Math.max(left.uniqueness, right.uniqueness);
  const supportFactor = 1 - Math.exp(-support / 5);
  const w = CONFIDENCE_WEIGHTS;
  const confidence = rule === 'none' ? 0 : supportFactor * (w.overlap * overlapScore + w.kind * kindScore + w.key * keyScore + w.evidence * evidence);
  const blocked = reasons.some((r) => BLOCKING.has(r));
  const accepted = rule !== 'none' && !blocked && confidence >= minConfidence;
  if (rule !== 'none' && !blocked && !accepted) reasons.push('low_confidence');
  const recipes = recipe >= 0 ? [{ transform: recipesFor(left.kind)[recipe]!.name, matchedValues: Math.round(matched), matchRate: containmentRight }] : [];
  const candidate: JoinCandidate = {
    left: side(left),
    right: side(right),
    keyKind: recipe >= 0 ? left.kind : left.kind === right.kind ? left.kind : 'identifier',
    transform: recipe >= 0 ? recipesFor(left.kind)[recipe]!.name : describeNormaliser(left.kind === 'value' ? 'identifier' : left.kind),
    transformSide: recipe >= 0 ? 'left' : 'both',
    matchedValues: Math.round(matched),
    distinctLeft: Math.round(overlap.distinctA * scale),
    distinctRight: Math.round(overlap.distinctB * scale),
    containmentLeft,
    containmentRight,
    jaccard: overlap.matched / Math.max(1, overlap.distinctA + overlap.distinctB - overlap.matched),
    matchRateLeft: overlap.matchedValuesA / Math.max(1, overlap.valuesA),
    matchRateRight: overlap.matchedValuesB / Math.max(1, overlap.valuesB),
    cardinality: cardinalityOf(overlap),
    nameSimilarity: names,
    confidence: Math.round(confidence * 1000) / 1000,
    accepted,
    rule,
    explanation: '',
    reasons,
    selfJoin,
    exact: level === 0,
    sampleRate: 1 / scale,
    recipes,
    junkExcluded: left.junkHashes.size + right.junkHashes.size,
  };
  return { candidate, keySide };
}

const BLOCKING = new Set(['no_key_side', 'low_containment', 'too_few_shared', 'generic_domain_no_name_evidence', 'own_key']);

function side(c: KeyColumn): { dataset: string; column: string } {
  return { dataset: c.dataset, column: c.profile.name };
}

/** The side that is a key and contains the other side's values (the better-contained one when both are keys). */
function chooseKeySide(left: KeyColumn, right: KeyColumn, containmentLeft: number, containmentRight: number): 'left' | 'right' | null {
  if (left.isKey && right.isKey) return containmentRight >= containmentLeft ? 'left' : 'right';
  if (left.isKey) return 'left';
  if (right.isKey) return 'right';
  return null;
}

function cardinalityOf(o: Overlap): JoinCandidate['cardinality'] {
  if (o.oneA && o.oneB) return '1:1';
  if (o.oneA) return '1:n';
  if (o.oneB) return 'n:1';
  return 'n:m';
}

/** Of the recipes tried on one plain/hashed pair, only the best is a candidate; the others are listed in it. */
function keepBestRecipe(candidates: JoinCandidate[]): void {
  const groups = new Map<string, JoinCandidate[]>();
  for (const c of candidates) {
    if (c.recipes.length === 0) continue;
    const id = `${columnRefKey(c.left)}\u0000${columnRefKey(c.right)}`;
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [c]);
    else group.push(c);
  }
  const dropped = new Set<JoinCandidate>();
  for (const group of groups.values()) {
    group.sort((a, b) => b.matchedValues - a.matchedValues || a.transform.length - b.transform.length);
    const best = group[0]!;
    best.recipes = group.flatMap((c) => c.recipes);
    for (const other of group.slice(1)) dropped.add(other);
  }
  const kept = candidates.filter((c) => !dropped.has(c));
  candidates.length = 0;
  candidates.push(...kept);
}

/** A foreign-key column points to one key: the best accepted one; the others are rejected. */
function oneKeyPerColumn(candidates: JoinCandidate[], keySides: ReadonlyMap<JoinCandidate, 'left' | 'right' | null>): void {
  const byForeignKey = new Map<string, JoinCandidate[]>();
  for (const c of candidates) {
    const keySide = keySides.get(c);
    if (!c.accepted || c.rule !== 'key' || keySide === null || keySide === undefined) continue;
    const fk = keySide === 'left' ? c.right : c.left;
    const id = columnRefKey(fk);
    const group = byForeignKey.get(id);
    if (group === undefined) byForeignKey.set(id, [c]);
    else group.push(c);
  }
  for (const group of byForeignKey.values()) {
    group.sort((a, b) => b.confidence - a.confidence);
    for (const other of group.slice(1)) {
      other.accepted = false;
      other.reasons.push('another_key_fits_better');
    }
  }
}
