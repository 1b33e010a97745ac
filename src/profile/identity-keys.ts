import { semanticFromName, tokeniseColumnName } from '../identity/column-name';
import { keyKindOf, PERSON_KEY_KINDS, type KeyKind } from '../identity/key-kind';
import type { Cell, ColumnProfile } from '../model';
import { ColumnProfiler, type ColumnProfilerOptions, type ColumnState } from './column';
import { finalizeColumn } from './finalize-column';
import type { KnownKeys } from './known-keys';
import { encodeKeyTable, KeyTable, type KeyTableState, type RawKeyTableState } from './key-table';
import { encodeLinkTable, LinkTable, type LinkTableState, type RawLinkTableState } from './link-table';

/** Rows read before the identity columns are chosen (their keys are then counted from row 1). */
export const WARMUP_ROWS = 1000;
/** A column whose first rows are all distinct, beside an identity column that repeats, is an event or record id. */
const RECORD_ID_MIN_VALUES = 100;

export interface IdentityKeysOptions extends ColumnProfilerOptions {
  keyBudget: number;
  linkBudget: number;
}

/**
 * Version of the identity-key state. 2: a digest's key is its first 13 hex digits (digestKey),
 * where version 1 hashed its text; keys of the two versions do not meet, so version 1 is refused.
 */
export const IDENTITY_KEYS_VERSION = 2;

/** Mergeable identity-key state of a dataset: one key table per keyed column, and the links. */
export interface IdentityKeysState {
  v: typeof IDENTITY_KEYS_VERSION;
  tables: KeyTableState[];
  links: LinkTableState | null;
}

/** IdentityKeysState with its tables' arrays not yet encoded (see RawKeyTableState). */
export interface RawIdentityKeysState {
  v: typeof IDENTITY_KEYS_VERSION;
  tables: RawKeyTableState[];
  links: RawLinkTableState | null;
}

/** Encodes the arrays of a raw identity-keys state. */
export function encodeIdentityKeys(raw: RawIdentityKeysState): IdentityKeysState {
  return { v: IDENTITY_KEYS_VERSION, tables: raw.tables.map(encodeKeyTable), links: raw.links === null ? null : encodeLinkTable(raw.links) };
}

/** The array buffers of a raw identity-keys state, to transfer with it. */
export function identityKeysBuffers(raw: RawIdentityKeysState): ArrayBuffer[] {
  const arrays = [...raw.tables.flatMap((t) => [t.hashes, t.counts, t.variants]), ...(raw.links === null ? [] : [raw.links.sizes, raw.links.counts, raw.links.columnsOf, raw.links.hashes, raw.links.mins])];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** A column whose identity keys are collected row by row. */
export interface TrackedColumn {
  index: number;
  kind: KeyKind;
}

interface Tracked extends TrackedColumn {
  /** where the column's cell is in the rows given to observe (rows may hold only some columns) */
  slot: number;
  table: KeyTable;
}

/**
 * Keeps what join discovery and the stitch need from the profiling pass. The first WARMUP_ROWS
 * rows are held back, profiled on the side to choose the identity columns (by values, or by name
 * for a column still empty), then replayed; from there on each identity value is normalised,
 * hashed into its column's key table, and the keys of each row recorded as a link. Columns that
 * are not tracked get a key table at the end from their exact distinct values, when they have
 * them (relational keys and foreign keys are usually small).
 */
export class IdentityKeyCollector {
  private warmup: (readonly Cell[])[] | null = [];
  private tracked: Tracked[] = [];
  private links: LinkTable | null = null;

  constructor(
    private readonly columnNames: readonly string[],
    private readonly options: IdentityKeysOptions,
  ) {}

  /**
   * Counts the keys of one row. `known`, when given, holds key records another thread computed
   * for the batch (see computeKnownKeys), `r` the row's place in it: they count as if computed here.
   */
  observe(row: readonly Cell[], known: KnownKeys | null = null, r = 0): void {
    if (this.warmup !== null) {
      this.warmup.push(row.slice()); // a copy: see heldRows (sources/_held-rows.ts)
      if (this.warmup.length >= WARMUP_ROWS) this.startTracking();
      return;
    }
    this.track(row, known, r);
  }

  private startTracking(): void {
    const rows = this.warmup ?? [];
    this.start(chooseTracked(this.columnNames, profileFirstRows(this.columnNames, rows, this.options)));
    for (const row of rows) this.track(row);
  }

  /**
   * Starts tracking `tracked` now, with no warm-up (the caller chose them with chooseTracked).
   * `slots` gives, per tracked column, where its cell is in the rows given to observe.
   */
  start(tracked: readonly TrackedColumn[], slots: readonly number[] = tracked.map((t) => t.index)): void {
    this.warmup = null;
    this.tracked = tracked.map(({ index, kind }, t) => ({
      index,
      kind,
      slot: slots[t]!,
      table: new KeyTable({ column: this.columnNames[index]!, kind, region: this.options.region, budget: this.options.keyBudget, mask: this.options.mask }),
    }));
    this.links = new LinkTable(
      this.tracked.map((t) => ({ name: this.columnNames[t.index]!, kind: t.kind })),
      this.options.linkBudget,
    );
  }

  private track(row: readonly Cell[], known: KnownKeys | null = null, r = 0): void {
    const links = this.links!;
    const tracked = this.tracked;
    for (let t = 0; t < tracked.length; t++) {
      const { slot, table } = tracked[t]!;
      const cell = row[slot];
      if (cell === undefined || cell === null) continue;
      const records = known?.[t] ?? null;
      if (records !== null && typeof cell === 'string') {
        const at = r * table.stride;
        if (!Number.isNaN(records[at]!)) {
          links.addKey(t, table.addKnown(cell, records, at), table.lastSampling);
          continue;
        }
      }
      if (typeof cell === 'object') {
        for (const item of cell) if (item !== null) links.addKey(t, table.add(String(item)), table.lastSampling);
      } else {
        links.addKey(t, table.add(typeof cell === 'string' ? cell : String(cell)), table.lastSampling);
      }
    }
    links.endRow();
  }

  /**
   * Writes the state. `columns` are the finished column profilers' states, `exactValues` their
   * exact distinct values (null past the distinct budget).
   */
  finish(states: readonly ColumnState[], exactValues: readonly (ReadonlyMap<string, number> | null)[], rowCount: number): IdentityKeysState {
    return encodeIdentityKeys(this.finishRaw(states, exactValues, rowCount));
  }

  /** `finish`, with the tables' arrays not yet encoded (what a worker transfers). */
  finishRaw(states: readonly ColumnState[], exactValues: readonly (ReadonlyMap<string, number> | null)[], rowCount: number): RawIdentityKeysState {
    if (this.warmup !== null) this.startTracking();
    const finalKinds = states.map((state) => finalKind(state, rowCount, this.options.region));
    const tables: RawKeyTableState[] = [];
    const trackedByIndex = new Map(this.tracked.map((t) => [t.index, t]));
    const droppedLinks = new Set<number>();
    states.forEach((state, index) => {
      const kind = finalKinds[index] ?? null;
      const tracked = trackedByIndex.get(index);
      const exact = exactValues[index] ?? null;
      // kept when the kind held, or could not be checked again; a column that is no key after all goes
      if (tracked !== undefined && kind !== null && (tracked.kind === kind || exact === null)) {
        tables.push(tracked.table.toRawState());
        return;
      }
      if (tracked !== undefined) droppedLinks.add(this.tracked.indexOf(tracked));
      if (kind === null || exact === null) return;
      const table = new KeyTable({ column: state.name, kind, region: this.options.region, budget: this.options.keyBudget, mask: this.options.mask });
      for (const [value, count] of exact) table.add(value, count);
      tables.push(table.toRawState());
    });
    const links = this.links!.toRawState();
    // A column whose kind changed after the first rows was hashed under the wrong rules: its links go.
    if (droppedLinks.size > 0) links.columns = links.columns.map((c, i) => (droppedLinks.has(i) ? { ...c, dropped: true } : c));
    return { v: IDENTITY_KEYS_VERSION, tables, links };
  }
}

/** The key kind a finished column profile gives a column, or null. */
function finalKind(state: ColumnState, rowCount: number, region: string): KeyKind | null {
  const profile = finalizeColumn(state, { rowCount, region, profiledAt: new Date(0) });
  return keyKindOf(profile.semanticType, profile.inferredType);
}

/** Words that, before `id` at the end of a column name, name the id of an event or record (`messageId`, `event_id`). */
const RECORD_ID_WORDS: ReadonlySet<string> = new Set(['message', 'event', 'request', 'trace', 'span', 'log', 'hit', 'record', 'row']);

/** Whether a column's name says it holds event or record ids (`messageId`, `event_id`, `requestUUID`). */
export function namedAsRecordId(name: string): boolean {
  const tokens = tokeniseColumnName(name);
  const last = tokens.at(-1);
  return (last === 'id' || last === 'uuid' || last === 'guid') && RECORD_ID_WORDS.has(tokens.at(-2) ?? '');
}

/**
 * The identity columns to track, from the columns' profiles on the first rows (profileFirstRows):
 * person-key kinds and identifiers by their values, or by their name when the first rows hold no value. A column that is all distinct in
 * the first rows is an event or record id (`messageId`) when another identity column repeats, or
 * when its name says so: in event data with many visitors, the visitors' ids rarely repeat within
 * the first rows. It identifies rows, not people, and would make every row a link of its own.
 */
export function chooseTracked(names: readonly string[], firstRows: readonly ColumnProfile[]): TrackedColumn[] {
  const chosen: { index: number; kind: KeyKind; unique: boolean; uniqueness: number }[] = [];
  firstRows.forEach((profile, index) => {
    let kind: KeyKind | null;
    if (profile.valueCount > 0) kind = keyKindOf(profile.semanticType, profile.inferredType);
    else {
      const byName = semanticFromName(names[index]!);
      kind = byName === null ? null : keyKindOf(byName, 'string');
    }
    if (kind === null || !(PERSON_KEY_KINDS.has(kind) || kind === 'identifier')) return;
    const unique = profile.valueCount >= RECORD_ID_MIN_VALUES && profile.distinctCount === profile.valueCount;
    chosen.push({ index, kind, unique: unique && (kind === 'uuid' || kind === 'identifier'), uniqueness: profile.valueCount === 0 ? 1 : profile.uniqueness });
  });
  const somethingRepeats = chosen.some((c) => c.uniqueness < 0.9);
  return chosen.filter((c) => !(c.unique && (somethingRepeats || namedAsRecordId(names[c.index]!)))).map(({ index, kind }) => ({ index, kind }));
}

/**
 * Each column profiled on the first rows: what chooseTracked decides from, and what tells the
 * threaded pass how each column will run (see measureCosts). Identity values are not checked
 * (`identity` counts nothing): neither decides from them, and a phone number's check costs tens
 * of microseconds, a thousand of them a noticeable part of profiling a small file.
 */
export function profileFirstRows(names: readonly string[], rows: readonly (readonly Cell[])[], options: ColumnProfilerOptions): ColumnProfile[] {
  const typesOnly = { ...options, identityChecks: false };
  const profilers = names.map((name, i) => new ColumnProfiler(name, i, typesOnly));
  for (const row of rows) for (let i = 0; i < profilers.length; i++) profilers[i]!.observe(row[i]);
  return profilers.map((profiler) => finalizeColumn(profiler.toState(), { rowCount: rows.length, region: options.region, profiledAt: new Date(0) }));
}
