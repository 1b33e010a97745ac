import { StitchscanError } from '../errors';
import { PERSON_KEY_KINDS, type KeyKind } from '../identity/key-kind';
import type { ColumnProfile, DatasetProfile } from '../model';
import type { DatasetState } from '../profile/dataset';
import { IDENTITY_KEYS_VERSION, type IdentityKeysState } from '../profile/identity-keys';
import { decodeKeyTable, levelLimit, type KeyTableData } from '../profile/key-table';
import { keySetOf, type KeySet } from './key-set';

/** A column with join keys, with what the rules need to know about it. */
export interface KeyColumn {
  dataset: string;
  profile: ColumnProfile;
  table: KeyTableData;
  kind: KeyKind;
  /** distinct keys / keyed values: 1 for a key of its dataset */
  uniqueness: number;
  /** unique, nearly complete and shaped like an identifier: may be referenced by a foreign key */
  isKey: boolean;
  /** small integers, short codes or a small domain: containment alone proves nothing */
  genericDomain: boolean;
  junkHashes: ReadonlySet<number>;
}

/** Keys that make a column a key of its dataset. */
export const KEY_UNIQUENESS = 0.98;
export const KEY_COMPLETENESS = 0.9;
/** A domain this small, codes this short, or small integers need name evidence. */
export const GENERIC_MAX_DISTINCT = 50;
export const GENERIC_MAX_LENGTH = 5;

/** The identity-key state of a profile; an error when the profile has no sketches. */
export function identityKeysOf(profile: DatasetProfile): IdentityKeysState {
  const keys = (profile.sketch as Partial<DatasetState> | undefined)?.keys;
  if (keys === undefined) {
    throw new StitchscanError('E_INVALID_PROFILE', `The profile of ${profile.name} has no join keys`, {
      hint: 'Profile with sketches: true (the default) and do not pass the profile through stripSketches() before findJoins().',
    });
  }
  if (keys.v !== IDENTITY_KEYS_VERSION) {
    throw new StitchscanError('E_INVALID_PROFILE', `The profile of ${profile.name} has join keys in an older form`, {
      hint: 'Profile the dataset again with this version of stitchscan: keys of older profiles do not meet those of newer ones.',
    });
  }
  return keys;
}

/** The key columns of a profile, with junk hashes (lexical and extra) left out of their key sets. */
export function keyColumnsOf(profile: DatasetProfile, extraJunk: ReadonlyMap<string, ReadonlySet<number>> = new Map()): KeyColumn[] {
  const keys = identityKeysOf(profile);
  const out: KeyColumn[] = [];
  for (const state of keys.tables) {
    const column = profile.columns.find((c) => c.name === state.column);
    if (column === undefined) continue;
    const table = decodeKeyTable(state);
    const junk = new Set<number>(state.junk.map((j) => j.hash));
    for (const h of extraJunk.get(state.column) ?? []) junk.add(h);
    const keyCount = sampledKeyCount(table);
    const uniqueness = state.keyedValues === 0 ? 0 : Math.min(1, keyCount / state.keyedValues);
    const completeness = profile.rowCount === 0 ? 0 : Math.min(1, state.keyedValues / profile.rowCount);
    const isKey = uniqueness >= KEY_UNIQUENESS && completeness >= KEY_COMPLETENESS && state.junk.length === 0 && keyShaped(column, state.kind);
    out.push({
      dataset: profile.name,
      profile: column,
      table,
      kind: state.kind,
      uniqueness,
      isKey,
      genericDomain: isGenericDomain(column, state.kind, keyCount),
      junkHashes: junk,
    });
  }
  return out;
}

/** Distinct keys of a table, scaled up from its sample (counted on base hashes: recipe hashes keep extra entries). */
function sampledKeyCount(table: KeyTableData): number {
  if (table.state.level === 0) return table.hashes.length;
  const limit = levelLimit(table.state.level);
  let kept = 0;
  for (const h of table.hashes) if (h < limit) kept++;
  return Math.round(kept * 2 ** table.state.level);
}

/** Values short and without spaces, as identifiers are (addresses and company names are not). */
function keyShaped(column: ColumnProfile, kind: KeyKind): boolean {
  if (kind !== 'value') return true;
  if (column.lengths === null || column.lengths.max > 64) return false;
  const spaced = column.patterns.reduce((sum, p) => sum + (/\s/.test(p.pattern) ? p.share : 0), 0);
  return spaced < 0.05 && column.inferredType !== 'mixed';
}

function isGenericDomain(column: ColumnProfile, kind: KeyKind, keys: number): boolean {
  if (PERSON_KEY_KINDS.has(kind)) return false;
  if (keys < GENERIC_MAX_DISTINCT) return true;
  if (column.lengths !== null && column.lengths.max <= GENERIC_MAX_LENGTH) return true;
  const integers = (column.typeCounts.integer ?? 0) + (column.typeCounts.code ?? 0);
  return integers >= 0.95 * column.valueCount;
}

/** A column's key set at a sampling level, junk left out. `recipe` picks a hash recipe's digests. */
export function keySetAt(column: KeyColumn, level: number, recipe = -1): KeySet {
  // a column is compared with many others, at few levels and recipes: build each set once
  let sets = keySets.get(column);
  if (sets === undefined) keySets.set(column, (sets = new Map()));
  const id = `${level}:${recipe}`;
  let set = sets.get(id);
  if (set === undefined) sets.set(id, (set = buildKeySet(column, level, recipe)));
  return set;
}

const keySets = new WeakMap<KeyColumn, Map<string, KeySet>>();

function buildKeySet(column: KeyColumn, level: number, recipe: number): KeySet {
  const { hashes, counts, variants, state } = column.table;
  const width = state.recipes.length;
  const limit = levelLimit(level);
  const keptHashes = new Float64Array(hashes.length);
  const keptCounts = new Float64Array(hashes.length);
  let n = 0;
  for (let i = 0; i < hashes.length; i++) {
    const base = hashes[i]!;
    if (column.junkHashes.has(base)) continue;
    const hash = recipe < 0 ? base : variants[i * width + recipe]!;
    if (hash >= limit) continue;
    keptHashes[n] = hash;
    keptCounts[n++] = counts[i]!;
  }
  return keySetOf(keptHashes, keptCounts, n);
}
