import { PERSON_KEY_KINDS, type KeyKind } from '../identity/key-kind';
import type { DatasetProfile, IdentifierCap, JunkReport, JunkValue } from '../model';
import { UnionFind } from '../graph/union-find';
import { HashIndex } from '../profile/sketches/hash-index';
import type { KeyTableState } from '../profile/key-table';
import { decodeLinkTable, forEachLink, type LinkTableData } from '../profile/link-table';
import { identityKeysOf, keyColumnsOf, type KeyColumn } from './key-columns';

/** A person key shared by at least this many distinct other identifiers is junk... */
export const JUNK_MIN_PEOPLE = 5;
/** ...and by at least this many times the column's 99th percentile. */
export const JUNK_P99_FACTOR = 3;
/** Identifier columns this unique count people (a record or customer id) on the other side of the co-occurrence rule. */
const PEOPLE_ID_UNIQUENESS = 0.9;

const hashHex = (hash: number): string => hash.toString(16).padStart(13, '0');

/**
 * Finds junk identifiers in each dataset: placeholders by rule (`test@test.com`, `noemail@…`,
 * `0000000000`, `123456789`, `unknown`, the hash of an empty string), and values shared by an
 * implausible number of people: more distinct other identifiers in the same rows (a customer id,
 * a device id, another email) than JUNK_MIN_PEOPLE and JUNK_P99_FACTOR times the column's 99th
 * percentile. Also suggests a cap per identity column from the data: the most values of the
 * column one customer holds within the dataset, plus one.
 *
 * @param profiles profiles with sketches
 * @returns junk values with counts, and suggested caps
 * @example findJunkIdentifiers([crm]).values.map((v) => `${v.value}: ${v.rows} rows`)
 */
export function findJunkIdentifiers(profiles: readonly DatasetProfile[]): JunkReport {
  const values: JunkValue[] = [];
  const caps: IdentifierCap[] = [];
  for (const profile of profiles) {
    const keys = identityKeysOf(profile);
    const tables = new Map(keys.tables.map((t) => [t.column, t]));
    const columns = new Map(keyColumnsOf(profile).map((c) => [c.profile.name, c]));
    const links = keys.links === null ? null : decodeLinkTable(keys.links);
    const usable = links === null ? [] : usableColumns(links, columns);
    // degrees are read for person-key columns (too_many_people) and for the junk values a table lists
    const measured = links === null ? [] : links.state.columns.map((c, i) => usable[i]! && (PERSON_KEY_KINDS.has(columns.get(c.name)!.kind) || tables.get(c.name)!.junk.length > 0));
    const degrees = links === null ? new Map<number, Map<number, number>>() : degreesOf(links, usable, measured);
    const found = new Map<string, Set<number>>();
    for (const table of keys.tables) {
      const column = links?.state.columns.findIndex((c) => c.name === table.column) ?? -1;
      for (const junk of table.junk) {
        values.push({
          dataset: profile.name,
          column: table.column,
          value: junk.label,
          keyHash: hashHex(junk.hash),
          reason: junk.reason,
          rows: junk.count,
          people: column >= 0 ? (degrees.get(column)?.get(junk.hash) ?? 0) : null,
        });
        addTo(found, table.column, junk.hash);
      }
    }
    if (links !== null) {
      for (const [column, degree] of degrees) {
        const name = links.state.columns[column]!.name;
        const table = tables.get(name);
        if (table === undefined || !PERSON_KEY_KINDS.has(table.kind)) continue;
        const limit = Math.max(JUNK_MIN_PEOPLE, Math.ceil(JUNK_P99_FACTOR * percentile([...degree.values()], 0.99)));
        const heavy = [...degree].filter(([hash, people]) => people >= limit && !found.get(name)?.has(hash));
        if (heavy.length === 0) continue;
        const labels = new Map(table.labels);
        const counts = countsOf(columns.get(name));
        for (const [hash, people] of heavy.sort((a, b) => b[1] - a[1])) {
          values.push({ dataset: profile.name, column: name, value: labels.get(hash) ?? '(value not kept)', keyHash: hashHex(hash), reason: 'too_many_people', rows: counts.get(hash) ?? 0, people });
          addTo(found, name, hash);
        }
      }
      caps.push(...capsOf(profile.name, links, usable, tables, found));
    }
  }
  return { values, caps };
}

function addTo(map: Map<string, Set<number>>, column: string, hash: number): void {
  let set = map.get(column);
  if (set === undefined) map.set(column, (set = new Set()));
  set.add(hash);
}

function countsOf(column: KeyColumn | undefined): Map<number, number> {
  const out = new Map<number, number>();
  if (column === undefined) return out;
  const { hashes, counts } = column.table;
  for (let i = 0; i < hashes.length; i++) out.set(hashes[i]!, counts[i]!);
  return out;
}

/** Junk hashes by dataset and column, for leaving them out of joins and the stitch. */
export function junkHashesByDataset(profiles: readonly DatasetProfile[], junk: JunkReport): Map<string, Map<string, Set<number>>> {
  const out = new Map<string, Map<string, Set<number>>>(profiles.map((p) => [p.name, new Map()]));
  for (const value of junk.values) {
    const dataset = out.get(value.dataset);
    if (dataset !== undefined) addTo(dataset, value.column, Number.parseInt(value.keyHash, 16));
  }
  return out;
}

/** Link columns that count people: person-key kinds, and identifiers unique enough to be customer or record ids. */
function usableColumns(links: LinkTableData, columns: ReadonlyMap<string, KeyColumn>): boolean[] {
  return links.state.columns.map((c) => {
    const column = columns.get(c.name);
    if (c.dropped === true || column === undefined) return false;
    return PERSON_KEY_KINDS.has(column.kind) || column.uniqueness >= PEOPLE_ID_UNIQUENESS;
  });
}

/** For each `measured` column and value: the most distinct values of any one other usable column in its rows. */
function degreesOf(links: LinkTableData, usable: readonly boolean[], measured: readonly boolean[]): Map<number, Map<number, number>> {
  // one partner table per ordered pair of a measured and a usable column (a * width + b), made on first use
  const width = links.state.columns.length;
  const tables: (PartnerTable | undefined)[] = [];
  forEachLink(links, (_count, start, size) => {
    for (let i = start; i < start + size; i++) {
      const a = links.columnsOf[i]!;
      if (!measured[a]) continue;
      for (let j = start; j < start + size; j++) {
        const b = links.columnsOf[j]!;
        if (b === a || !usable[b]) continue;
        (tables[a * width + b] ??= new PartnerTable()).add(links.hashes[i]!, links.hashes[j]!);
      }
    }
  });
  const out = new Map<number, Map<number, number>>();
  tables.forEach((table, pair) => {
    if (table === undefined) return;
    const column = Math.floor(pair / width);
    let degree = out.get(column);
    if (degree === undefined) out.set(column, (degree = new Map()));
    table.forEach((hash, partners) => degree.set(hash, Math.max(degree.get(hash) ?? 0, partners)));
  });
  return out;
}

/**
 * The distinct partners of each value of one column in another: most values have one, kept in a
 * flat array; a Set is made only for a value that meets a second.
 */
class PartnerTable {
  private readonly index = new HashIndex();
  private readonly hashes: number[] = [];
  private readonly first: number[] = [];
  private readonly more = new Map<number, Set<number>>();

  add(hash: number, partner: number): void {
    const entry = this.index.get(hash);
    if (entry < 0) {
      this.index.add(hash, this.hashes.length);
      this.hashes.push(hash);
      this.first.push(partner);
      return;
    }
    if (this.first[entry] === partner) return;
    let set = this.more.get(entry);
    if (set === undefined) this.more.set(entry, (set = new Set([this.first[entry]!])));
    set.add(partner);
  }

  /** Calls `visit(hash, partners)` for each value. */
  forEach(visit: (hash: number, partners: number) => void): void {
    for (let e = 0; e < this.hashes.length; e++) visit(this.hashes[e]!, this.more.get(e)?.size ?? 1);
  }
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  values.sort((a, b) => a - b);
  return values[Math.min(values.length - 1, Math.floor(q * values.length))]!;
}

/**
 * Suggested caps: link the dataset's rows on its usable columns (junk left out), then count, per
 * resulting customer, the distinct values of each person-key column.
 */
function capsOf(dataset: string, links: LinkTableData, usable: readonly boolean[], tables: ReadonlyMap<string, KeyTableState>, junk: ReadonlyMap<string, Set<number>>): IdentifierCap[] {
  const sets = new UnionFind();
  const ids = links.state.columns.map(() => new HashIndex());
  const columnOf: number[] = [];
  const names = links.state.columns.map((c) => c.name);
  const junkOf = names.map((name) => junk.get(name));
  forEachLink(links, (_count, start, size) => {
    let first = -1;
    for (let i = start; i < start + size; i++) {
      const column = links.columnsOf[i]!;
      const hash = links.hashes[i]!;
      if (!usable[column] || junkOf[column]?.has(hash) === true) continue;
      let id = ids[column]!.get(hash);
      if (id < 0) {
        id = sets.add();
        ids[column]!.add(hash, id);
        columnOf.push(column);
      }
      first = first < 0 ? id : sets.union(first, id);
    }
  });
  const perProfile = new Map<number, Map<number, number>>();
  columnOf.forEach((column, id) => {
    const root = sets.find(id);
    let byColumn = perProfile.get(column);
    if (byColumn === undefined) perProfile.set(column, (byColumn = new Map()));
    byColumn.set(root, (byColumn.get(root) ?? 0) + 1);
  });
  const caps: IdentifierCap[] = [];
  for (const [column, byRoot] of perProfile) {
    const table = tables.get(names[column]!);
    if (table === undefined || !PERSON_KEY_KINDS.has(table.kind)) continue;
    const counts = [...byRoot.values()];
    // a loop, not Math.max(...counts): a million profiles overflow the call stack
    let max = 0;
    for (const n of counts) if (n > max) max = n;
    const p99 = percentile(counts, 0.99);
    const outlier = max > 2 * p99 + 1;
    const suggestedCap = (outlier ? p99 : max) + 1;
    const noun = KIND_PLURAL[table.kind] ?? 'values';
    const message = outlier
      ? `99% of customers in ${dataset} have at most ${p99} ${noun} in ${names[column]} (the most is ${max}); cap ${names[column]} at ${suggestedCap}.`
      : `No customer in ${dataset} has more than ${max} ${max === 1 ? noun.replace(/s$/, '') : noun} in ${names[column]}; cap ${names[column]} at ${suggestedCap}.`;
    caps.push({ dataset, column: names[column]!, maxPerProfile: max, p99PerProfile: p99, suggestedCap, message });
  }
  return caps;
}

const KIND_PLURAL: Partial<Record<KeyKind, string>> = {
  email: 'emails',
  phone: 'phone numbers',
  hashed: 'hashed ids',
  uuid: 'device ids',
  handle: 'handles',
  ga_client_id: 'GA client ids',
};
