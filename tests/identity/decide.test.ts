import { describe, expect, it } from 'vitest';
import { decideSemanticType } from '../../src/identity/decide';

describe('decideSemanticType', () => {
  it('reads a clean email column named email with high confidence', () => {
    const decision = decideSemanticType({ columnName: 'email', nonNullCount: 1000, distinctCount: 990, matches: { email: 1000 } });
    expect(decision.type).toBe('email');
    expect(decision.share).toBe(1);
    expect(decision.confidence).toBeGreaterThan(0.95);
    expect(decision.candidates[0]).toEqual({ type: 'email', share: 1, nameMatch: true });
  });

  it('lets the values win when a column named email holds SHA-256 digests', () => {
    const decision = decideSemanticType({
      columnName: 'email',
      nonNullCount: 500,
      distinctCount: 500,
      matches: { hashed: 500, identifier: 500 },
    });
    expect(decision.type).toBe('hashed');
    expect(decision.confidence).toBeGreaterThan(0.85);
    expect(decision.candidates).toContainEqual({ type: 'email', share: 0, nameMatch: true });
  });

  it('reads 5-digit values in a column named zip as postal codes, not identifiers', () => {
    const decision = decideSemanticType({
      columnName: 'zip',
      nonNullCount: 1000,
      distinctCount: 400,
      matches: { postal_code: 1000, identifier: 1000 },
    });
    expect(decision.type).toBe('postal_code');
    expect(decision.confidence).toBeGreaterThan(0.8);
  });

  it('needs a postal name: the same values under a neutral name are no postal codes', () => {
    const decision = decideSemanticType({
      columnName: 'col_7',
      nonNullCount: 1000,
      distinctCount: 400,
      matches: { postal_code: 1000, identifier: 1000 },
    });
    expect(decision.type).toBeNull();
  });

  it('does not call a low-cardinality status column an identifier, whatever its name', () => {
    for (const columnName of ['status', 'status_code']) {
      const decision = decideSemanticType({ columnName, nonNullCount: 1000, distinctCount: 3, matches: { identifier: 1000 } });
      expect(decision.type).toBeNull();
      expect(decision.confidence).toBe(0);
    }
  });

  it('reads unique codes in customer_id as identifiers', () => {
    const decision = decideSemanticType({ columnName: 'customer_id', nonNullCount: 800, distinctCount: 800, matches: { identifier: 800 } });
    expect(decision.type).toBe('identifier');
    expect(decision.confidence).toBeGreaterThan(0.8);
  });

  it('reads nearly unique codes as identifiers without a name, but repeated ones need the name', () => {
    expect(decideSemanticType({ columnName: 'x', nonNullCount: 100, distinctCount: 100, matches: { identifier: 100 } }).type).toBe('identifier');
    expect(decideSemanticType({ columnName: 'x', nonNullCount: 100, distinctCount: 40, matches: { identifier: 100 } }).type).toBeNull();
    expect(decideSemanticType({ columnName: 'account_ref', nonNullCount: 100, distinctCount: 40, matches: { identifier: 100 } }).type).toBe('identifier');
  });

  it('reads a notes column with 60% emails as email, with lower confidence than a clean one', () => {
    const notes = decideSemanticType({ columnName: 'notes', nonNullCount: 100, distinctCount: 95, matches: { email: 60 } });
    const clean = decideSemanticType({ columnName: 'email', nonNullCount: 100, distinctCount: 95, matches: { email: 100 } });
    expect(notes.type).toBe('email');
    expect(notes.share).toBe(0.6);
    expect(notes.confidence).toBeLessThan(0.7);
    expect(notes.confidence).toBeLessThan(clean.confidence);
  });

  it('returns no type when no share is sensible', () => {
    expect(decideSemanticType({ columnName: 'notes', nonNullCount: 100, distinctCount: 95, matches: { email: 40 } }).type).toBeNull();
    expect(decideSemanticType({ columnName: 'email', nonNullCount: 100, distinctCount: 95, matches: { email: 35 } }).type).toBe('email');
    expect(decideSemanticType({ columnName: 'email', nonNullCount: 100, distinctCount: 95, matches: { email: 20 } }).type).toBeNull();
  });

  it('prefers specific types over identifier when both match', () => {
    const uuid = decideSemanticType({ columnName: 'anonymousId', nonNullCount: 100, distinctCount: 100, matches: { uuid: 100, identifier: 100 } });
    expect(uuid.type).toBe('uuid');
    const hashed = decideSemanticType({ columnName: 'blob', nonNullCount: 100, distinctCount: 100, matches: { hashed: 85, identifier: 100 } });
    expect(hashed.type).toBe('hashed');
    const ip = decideSemanticType({ columnName: 'x', nonNullCount: 100, distinctCount: 100, matches: { ip: 100, identifier: 100 } });
    expect(ip.type).toBe('ip');
  });

  it('lets the name break a near-tie between phone-shaped numbers and identifiers', () => {
    const matches = { phone: 100, identifier: 100 };
    expect(decideSemanticType({ columnName: 'customer_id', nonNullCount: 100, distinctCount: 100, matches }).type).toBe('identifier');
    expect(decideSemanticType({ columnName: 'mobile', nonNullCount: 100, distinctCount: 100, matches }).type).toBe('phone');
    expect(decideSemanticType({ columnName: 'x', nonNullCount: 100, distinctCount: 100, matches }).type).toBe('phone');
  });

  it('needs a name for first and last names, and accepts a related person-name column', () => {
    expect(decideSemanticType({ columnName: 'c1', nonNullCount: 100, distinctCount: 50, matches: { first_name: 100 } }).type).toBeNull();
    expect(decideSemanticType({ columnName: 'first_name', nonNullCount: 100, distinctCount: 50, matches: { first_name: 90, last_name: 30 } }).type).toBe('first_name');
    expect(decideSemanticType({ columnName: 'surname', nonNullCount: 100, distinctCount: 50, matches: { first_name: 40, last_name: 100 } }).type).toBe('last_name');
    expect(decideSemanticType({ columnName: 'name', nonNullCount: 100, distinctCount: 50, matches: { first_name: 80 } }).type).toBe('first_name');
  });

  it('prefers full names over first names and reads them without a name', () => {
    const decision = decideSemanticType({ columnName: 'contact', nonNullCount: 100, distinctCount: 100, matches: { full_name: 90, first_name: 5 } });
    expect(decision.type).toBe('full_name');
  });

  it('reads profile URLs in a twitter column as handles and in a url column as URLs', () => {
    const matches = { handle: 100, url: 100 };
    expect(decideSemanticType({ columnName: 'twitter', nonNullCount: 100, distinctCount: 100, matches }).type).toBe('handle');
    expect(decideSemanticType({ columnName: 'website', nonNullCount: 100, distinctCount: 100, matches }).type).toBe('url');
  });

  it('handles an empty column and out-of-range counts', () => {
    expect(decideSemanticType({ columnName: 'email', nonNullCount: 0, distinctCount: 0, matches: {} })).toEqual({
      type: null,
      confidence: 0,
      share: 0,
      candidates: [{ type: 'email', share: 0, nameMatch: true }],
    });
    const over = decideSemanticType({ columnName: 'x', nonNullCount: 10, distinctCount: 50, matches: { email: 12 } });
    expect(over.share).toBe(1);
    expect(over.confidence).toBeLessThanOrEqual(1);
  });

  it('lists candidates best first with their shares', () => {
    const decision = decideSemanticType({ columnName: 'x', nonNullCount: 200, distinctCount: 200, matches: { uuid: 150, identifier: 190, email: 10 } });
    expect(decision.candidates.map((c) => c.type)).toEqual(['uuid', 'identifier', 'email']);
    expect(decision.candidates[1]).toEqual({ type: 'identifier', share: 0.95, nameMatch: false });
  });
});
