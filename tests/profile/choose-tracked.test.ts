import { describe, expect, it } from 'vitest';
import { chooseTracked, namedAsRecordId, profileFirstRows } from '../../src/profile/identity-keys';
import { resolveProfileOptions } from '../../src/profile/options';

const options = resolveProfileOptions({ region: 'GB' });
const uuid = (i: number): string => `${String(i).padStart(8, '0')}-7c1e-4b1a-9f3e-${String(i * 7919).padStart(12, '0')}`;

describe('chooseTracked', () => {
  it('leaves out a column of unique event ids named as such, though no visitor repeats in the first rows', () => {
    // 1,000 events from 1,000 visitors: every id distinct, so only the name tells event ids from visitor ids.
    const names = ['messageId', 'anonymousId', 'email'];
    const rows = Array.from({ length: 1000 }, (_, i) => [uuid(i), uuid(100_000 + i), `visitor${i}@fellside.co.uk`]);
    expect(chooseTracked(names, profileFirstRows(names, rows, options)).map((t) => names[t.index])).toEqual(['anonymousId', 'email']);
  });

  it('leaves out a unique id beside a repeating one, whatever its name', () => {
    const names = ['id', 'customer_id'];
    const rows = Array.from({ length: 1000 }, (_, i) => [`ORD-${100_000 + i}`, `C-${i % 50}`]);
    expect(chooseTracked(names, profileFirstRows(names, rows, options)).map((t) => names[t.index])).toEqual(['customer_id']);
  });

  it('keeps a unique id when neither its name nor another column says it is a record id', () => {
    const names = ['customer_id', 'email'];
    const rows = Array.from({ length: 1000 }, (_, i) => [`C-${100_000 + i}`, `c${i}@fellside.co.uk`]);
    expect(chooseTracked(names, profileFirstRows(names, rows, options)).map((t) => names[t.index])).toEqual(['customer_id', 'email']);
  });
});

describe('namedAsRecordId', () => {
  it('reads event, message, request and record ids from names in any case style', () => {
    for (const name of ['messageId', 'message_id', 'event_id', 'EventID', 'requestUUID', 'trace-id', 'record id', 'hitId']) expect(namedAsRecordId(name)).toBe(true);
    for (const name of ['anonymousId', 'userId', 'session_id', 'customer_id', 'device_id', 'id', 'message', 'event_type']) expect(namedAsRecordId(name)).toBe(false);
  });
});
