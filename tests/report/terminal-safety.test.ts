import { describe, expect, it } from 'vitest';
import { buildIdentityGraph, findJoins, fromRows, profileDataset, renderJoinsSummary, renderProfileSummary } from '../../src/index';
import { isControl } from '../../src/report/_spans';
import { textTable } from '../../src/report/text-table';

const ESC_NAME = 'na\u001b[31mme\u202e';

describe('terminal summaries print data, never control characters', () => {
  it('renderProfileSummary shows a column name holding an escape sequence as ?', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ [ESC_NAME]: `v${i}`, email: `p${i}@fellmail.co.uk` }));
    const text = renderProfileSummary(await profileDataset(fromRows(rows), { name: 'x\u0007y' }));
    expect(Array.from(text).filter((ch) => ch !== '\n' && isControl(ch.codePointAt(0)!))).toEqual([]);
    expect(text).toContain('na?[31mme?');
    expect(text).toContain('x?y');
  });

  it('renderJoinsSummary does the same for dataset names', async () => {
    const a = await profileDataset(fromRows(Array.from({ length: 30 }, (_, i) => ({ email: `p${i}@fellmail.co.uk` }))), { name: 'crm\u001b]0;pwned\u0007' });
    const b = await profileDataset(fromRows(Array.from({ length: 30 }, (_, i) => ({ email: `p${i}@fellmail.co.uk` }))), { name: 'list' });
    const joins = findJoins([a, b]);
    const text = renderJoinsSummary(joins, buildIdentityGraph([a, b], joins));
    expect(joins.some((j) => j.accepted)).toBe(true);
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('crm?]0;pwned?.email');
  });

  it('textTable measures cells in code points, so emoji and accents keep the columns aligned', () => {
    const lines = textTable(['name', 'n'], [['Zoë 🙂', '1'], ['x', '22']], ['l', 'r']);
    expect(lines.map((l) => Array.from(l).length)).toEqual([9, 9, 9, 9]);
  });

  it('shows a line break in a name as ?, in tables and in prose alike, so a name cannot add a line', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ 'id\nFORGED': `k${i}` }));
    const profileText = renderProfileSummary(await profileDataset(fromRows(rows), { name: 'x' }));
    expect(profileText).toContain('id?FORGED  string');
    expect(profileText).toContain('  id?FORGED: ');
    const keyed = Array.from({ length: 30 }, (_, i) => ({ email: `p${i}@fellmail.co.uk` }));
    const a = await profileDataset(fromRows(keyed), { name: 'crm\nFORGED' });
    const b = await profileDataset(fromRows(keyed), { name: 'list' });
    const joins = findJoins([a, b]);
    const joinsText = renderJoinsSummary(joins, buildIdentityGraph([a, b], joins));
    expect(joinsText).toContain('Hub: crm?FORGED;');
    for (const text of [profileText, joinsText]) expect(text.split('\n').filter((l) => l.startsWith('FORGED'))).toEqual([]);
  });
});
