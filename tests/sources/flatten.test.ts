import { describe, expect, it } from 'vitest';
import { RecordFlattener } from '../../src/sources/flatten';
import { flattenRecord } from '../../src/sources';

describe('flattenRecord', () => {
  it('turns nested objects into dot paths', () => {
    expect(flattenRecord({ id: 1, user: { email: 'a@x.io', address: { city: 'Lyon' } } })).toEqual({
      id: 1,
      'user.email': 'a@x.io',
      'user.address.city': 'Lyon',
    });
  });

  it('keeps an array of scalars as one multi-valued cell', () => {
    expect(flattenRecord({ tags: ['vip', 2, true, null] })).toEqual({ tags: ['vip', 2, true, null] });
  });

  it('spreads an array of objects into one multi-valued cell per field', () => {
    expect(flattenRecord({ orders: [{ sku: 'A', qty: 1 }, { sku: 'B' }, { note: { text: 'gift' } }] })).toEqual({
      'orders.sku': ['A', 'B'],
      'orders.qty': [1],
      'orders.note.text': ['gift'],
    });
  });

  it('adds the items of arrays below an array of objects to the same cell', () => {
    expect(flattenRecord({ contacts: [{ emails: ['a@x.io', 'b@x.io'] }, { emails: ['c@x.io'] }] })).toEqual({
      'contacts.emails': ['a@x.io', 'b@x.io', 'c@x.io'],
    });
  });

  it('writes an array nested directly in an array as JSON text', () => {
    expect(flattenRecord({ matrix: [[1, 2], ['a']] })).toEqual({ matrix: ['[1,2]', '["a"]'] });
  });

  it('leaves empty arrays and objects absent', () => {
    expect(flattenRecord({ id: 1, tags: [], meta: {} })).toEqual({ id: 1 });
  });

  it('treats __proto__ and constructor keys as plain data', () => {
    const record = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": "c", "toString": 1}') as object;
    const flat = flattenRecord(record);
    expect(Object.keys(flat)).toEqual(['__proto__.polluted', 'constructor', 'toString']);
    expect(flat['__proto__.polluted']).toBe('yes');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('normalises values that JSON cannot hold', () => {
    const date = new Date('2025-01-02T03:04:05Z');
    expect(flattenRecord({ at: date, big: 10n, nan: Number.NaN, fn: () => 1, missing: undefined })).toEqual({
      at: '2025-01-02T03:04:05.000Z',
      big: '10',
      nan: null,
    });
  });

  it('stops at a depth limit, so cyclic in-memory objects terminate', () => {
    const node: Record<string, unknown> = { name: 'loop' };
    node.self = node;
    const flat = flattenRecord(node);
    expect(flat.name).toBe('loop');
    expect(Object.keys(flat).length).toBeLessThan(40);
  });
});

describe('RecordFlattener', () => {
  it('appends columns in order of first appearance and aligns rows with them', () => {
    const flattener = new RecordFlattener();
    const first = flattener.flatten({ b: 1, a: { x: 2 } });
    const second = flattener.flatten({ c: 3, b: 4 });
    expect(flattener.columns).toEqual(['b', 'a.x', 'c']);
    expect(first).toEqual([1, 2]);
    expect(second).toEqual([4, undefined, 3]);
  });

  it('maps two spellings of one path to one column', () => {
    const flattener = new RecordFlattener();
    expect(flattener.flatten({ 'a.b': 1, a: { b: 2 } })).toEqual([[1, 2]]);
    expect(flattener.columns).toEqual(['a.b']);
  });
});
