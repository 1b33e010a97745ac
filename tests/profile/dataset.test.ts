import { describe, expect, it } from 'vitest';
import { DatasetProfileSchema, fromRows, profileDataset, stripSketches, type ColumnProfile, type DatasetProfile } from '../../src/index';

const at = '2026-11-01T00:00:00.000Z';
const profileRows = (rows: object[], options: Parameters<typeof profileDataset>[1] = {}): Promise<DatasetProfile> =>
  profileDataset(fromRows(rows, { name: 'test' }), { profiledAt: at, ...options });
const col = (profile: DatasetProfile, name: string): ColumnProfile => {
  const column = profile.columns.find((c) => c.name === name);
  if (column === undefined) throw new Error(`no column ${name}`);
  return column;
};

describe('profileDataset', () => {
  it('counts every kind of null separately and names the tokens found', async () => {
    const values = ['a', '', '   ', 'NULL', 'null', 'N/A', '-', 'none', 'undefined', 'nan', null, 'b'];
    const profile = await profileRows([...values.map((v) => ({ x: v })), {}]);
    const x = col(profile, 'x');
    expect(profile.rowCount).toBe(13);
    expect(x.nulls).toEqual({
      missing: 1,
      jsonNull: 1,
      empty: 1,
      whitespace: 1,
      tokens: { NULL: 1, null: 1, 'N/A': 1, '-': 1, none: 1, undefined: 1, nan: 1 },
    });
    expect(x.nullCount).toBe(11);
    expect(x.valueCount).toBe(2);
    expect(x.completeness).toBeCloseTo(2 / 13, 12);
    expect(x.flags).toContain('null_tokens');
    expect(DatasetProfileSchema.parse(profile)).toBeTruthy();
  });

  it('computes exact numeric statistics and nearest-rank quantiles', async () => {
    const profile = await profileRows(Array.from({ length: 100 }, (_, i) => ({ amount: String(i + 1) })));
    const numeric = col(profile, 'amount').numeric!;
    expect(col(profile, 'amount').inferredType).toBe('integer');
    expect(numeric).toMatchObject({ count: 100, min: 1, max: 100, quantilesExact: true, quantileRankError: 0 });
    expect(numeric.mean).toBeCloseTo(50.5, 12);
    expect(numeric.stddev).toBeCloseTo(Math.sqrt((100 * 100 - 1) / 12), 9);
    expect(numeric.quantiles).toEqual({ p1: 1, p25: 25, p50: 50, p75: 75, p99: 99 });
  });

  it('keeps zip codes and phone numbers as identifiers without numeric statistics', async () => {
    const zips = ['02134', '90210', '10001', '00501', '60601'];
    const profile = await profileRows(zips.map((zip, i) => ({ zip, phone: `+1 415 555 01${10 + i}` })));
    expect(col(profile, 'zip').inferredType).toBe('identifier');
    expect(col(profile, 'zip').numeric).toBeNull();
    expect(col(profile, 'zip').flags).toContain('leading_zeros');
    expect(col(profile, 'phone').numeric).toBeNull();
  });

  it('reports Excel-mangled identifiers', async () => {
    const profile = await profileRows([{ id: '1.23457E+11' }, { id: '1.23457E+11' }, { id: '9.87654E+11' }, { id: '12345.0' }]);
    const id = col(profile, 'id');
    expect(id.numberFormats.excelScientific).toBe(3);
    expect(id.numberFormats.trailingDotZero).toBe(1);
    expect(id.flags).toContain('excel_mangled');
  });

  it('decides day-first from values with a day above 12 and reports the format with its count', async () => {
    const dates = ['05/03/2024', '25/12/2023', '01/02/2024', '31/01/2025'];
    const profile = await profileRows(dates.map((d) => ({ created: d })));
    const created = col(profile, 'created');
    expect(created.inferredType).toBe('date');
    expect(created.dates).toMatchObject({ order: 'day-first', ambiguous: false, dayFirstEvidence: 2, monthFirstEvidence: 0 });
    expect(created.dateFormats).toEqual([{ format: 'dd/MM/yyyy', count: 4 }]);
    expect(created.dates!.min).toBe('2023-12-25T00:00:00.000Z');
    expect(created.dates!.max).toBe('2025-01-31T00:00:00.000Z');
    expect(created.dates!.newestAgeDays).toBe(639);
  });

  it('flags slash dates that no value can settle as ambiguous', async () => {
    const profile = await profileRows(['05/03/2024', '01/02/2024'].map((d) => ({ d })));
    expect(col(profile, 'd').dateAmbiguous).toBe(true);
    expect(col(profile, 'd').flags).toContain('date_ambiguous');
    expect(col(profile, 'd').dateFormats).toEqual([{ format: 'dd/MM/yyyy | MM/dd/yyyy', count: 2 }]);
  });

  it('reports each format of a column that mixes them', async () => {
    const values = ['2024-03-05', '2024-03-06', '12/25/2023', '2024-01-01T10:00:00Z'];
    const profile = await profileRows(values.map((d) => ({ d })));
    const d = col(profile, 'd');
    expect(d.inferredType).toBe('datetime');
    expect(d.dateFormats).toEqual([
      { format: 'yyyy-MM-dd', count: 2 },
      { format: "yyyy-MM-dd'T'HH:mm:ssXXX", count: 1 },
      { format: 'MM/dd/yyyy', count: 1 },
    ]);
    expect(d.flags).toContain('date_formats_mixed');
  });

  it('recognises epoch seconds in a time-named column and epoch milliseconds anywhere', async () => {
    const profile = await profileRows([
      { created_at: '1700000000', ms: '1700000000000' },
      { created_at: '1710000000', ms: '1710000000000' },
    ]);
    expect(col(profile, 'created_at')).toMatchObject({ inferredType: 'epoch', epochUnit: 's' });
    expect(col(profile, 'created_at').dates!.max).toBe('2024-03-09T16:00:00.000Z');
    expect(col(profile, 'ms')).toMatchObject({ inferredType: 'epoch', epochUnit: 'ms' });
  });

  it('switches to HyperLogLog past the distinct budget and states the error bound', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ id: `ID-${i}`, tier: ['gold', 'silver'][i % 2] }));
    const profile = await profileRows(rows, { distinctBudget: 1000 });
    const id = col(profile, 'id');
    expect(id.distinctExact).toBe(false);
    expect(id.distinctError).toBeGreaterThan(0);
    expect(Math.abs(id.distinctCount - 5000) / 5000).toBeLessThan(3 * id.distinctError);
    expect(col(profile, 'tier')).toMatchObject({ distinctCount: 2, distinctExact: true, topValuesExact: true });
    expect(col(profile, 'tier').topValues).toEqual([
      { value: 'gold', count: 2500, share: 0.5 },
      { value: 'silver', count: 2500, share: 0.5 },
    ]);
  });

  it('masks personal data in examples and top values unless asked not to', async () => {
    const rows = [{ email: 'jane.doe@gmail.com' }, { email: 'jane.doe@gmail.com' }, { email: 'bob@example.org' }];
    const masked = col(await profileRows(rows), 'email');
    expect(masked.masked).toBe(true);
    expect(JSON.stringify(masked)).not.toContain('jane.doe');
    expect(masked.topValues[0]).toMatchObject({ count: 2 });
    const plain = col(await profileRows(rows, { mask: false }), 'email');
    expect(plain.masked).toBe(false);
    expect(plain.topValues[0]).toEqual({ value: 'jane.doe@gmail.com', count: 2, share: 2 / 3 });
  });

  it('profiles every item of multi-valued cells', async () => {
    const profile = await profileRows([{ tags: ['a', 'b'] }, { tags: ['b'] }, { tags: [] }, { tags: ['c', 'a', 'b'] }]);
    const tags = col(profile, 'tags');
    expect(tags.multiValued).toEqual({ rows: 3, maxItems: 3 });
    expect(tags.valueCount).toBe(6);
    expect(tags.distinctCount).toBe(3);
  });

  it('finds a unique complete column as the candidate key, and a pair when no column is one', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ order_id: `O${i}`, store: `S${i % 10}`, till: `T${Math.floor(i / 10)}`, note: 'x' }));
    const single = await profileRows(rows);
    expect(single.candidateKeys[0]!.columns).toEqual(['order_id']);
    const pair = await profileRows(rows.map(({ order_id: _, ...rest }) => rest));
    expect(pair.candidateKeys.map((k) => k.columns)).toContainEqual(['store', 'till']);
  });

  it('drops the sketch state on request, leaving a valid profile', async () => {
    const profile = await profileRows([{ a: '1' }, { a: '2' }]);
    const stripped = stripSketches(profile);
    expect(stripped.sketch).toBeUndefined();
    expect(stripped.columns[0]!.sketch).toBeUndefined();
    expect(JSON.stringify(stripped).length).toBeLessThan(JSON.stringify(profile).length);
    expect(DatasetProfileSchema.parse(stripped)).toBeTruthy();
  });

  it('rejects bad options with a stable code naming the option', async () => {
    await expect(profileRows([{ a: 1 }], { region: 'XX' })).rejects.toMatchObject({ code: 'E_INVALID_OPTION', message: expect.stringContaining('region') });
    await expect(profileRows([{ a: 1 }], { distinctBudget: -1 })).rejects.toMatchObject({ code: 'E_INVALID_OPTION' });
  });

  it('refuses an input with no rows at all', async () => {
    await expect(profileRows([])).rejects.toMatchObject({ code: 'E_EMPTY_INPUT' });
  });
});
