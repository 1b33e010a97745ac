import { IDENTITY_KEYS_VERSION, type IdentityKeysState } from './identity-keys';
import { mergeKeyTables, type KeyTableState } from './key-table';
import { mergeLinkTables } from './link-table';

/** Merges the identity-key state of two parts of one dataset (tables by column name). */
export function mergeIdentityKeys(a: IdentityKeysState | undefined, b: IdentityKeysState | undefined): IdentityKeysState {
  if (a === undefined || b === undefined) return a ?? b ?? { v: IDENTITY_KEYS_VERSION, tables: [], links: null };
  const tables = new Map<string, KeyTableState>(a.tables.map((t) => [t.column, t]));
  for (const t of b.tables) {
    const mine = tables.get(t.column);
    tables.set(t.column, mine === undefined ? t : mergeKeyTables(mine, t));
  }
  const links = a.links === null ? b.links : b.links === null ? a.links : mergeLinkTables(a.links, b.links);
  return { v: IDENTITY_KEYS_VERSION, tables: [...tables.values()], links };
}
