import { format, parse } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseShape } from '../../src/identity/shape';
import { DATE_OUT, parseDate, slashFormatName } from '../../src/profile/dates';

// Tests run with TZ=UTC, so date-fns (local time) and our parser (UTC) must agree exactly.
const ref = new Date(2000, 0, 1);
const read = (value: string): 0 | 1 | 2 => parseDate(value, analyseShape(value));

describe('parseDate', () => {
  const dates = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });

  it.each([
    'yyyy-MM-dd',
    "yyyy-MM-dd'T'HH:mm:ss",
    "yyyy-MM-dd'T'HH:mm:ssXXX",
    "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
    'yyyy-MM-dd HH:mm:ss',
    'yyyy/MM/dd',
    'dd.MM.yyyy',
    'dd.MM.yyyy HH:mm',
    "EEE, d MMM yyyy HH:mm:ss xx",
  ])('reads %s exactly as date-fns parse does, and names that format', (fmt) => {
    fc.assert(
      fc.property(dates, (date) => {
        const text = format(date, fmt);
        expect(read(text)).toBeGreaterThan(0);
        expect(DATE_OUT.format).toBe(fmt);
        expect(DATE_OUT.ts).toBe(parse(text, fmt, ref).getTime());
      }),
      { numRuns: 200 },
    );
  });

  it('reads slash dates in both orders and says which orders can read them', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const text = format(date, 'dd/MM/yyyy');
        expect(read(text)).toBe(1);
        expect(DATE_OUT.tsDayFirst).toBe(parse(text, 'dd/MM/yyyy', ref).getTime());
        // A day above 12 cannot be a month: only day-first reads it; otherwise both orders can.
        expect(DATE_OUT.slashOrder).toBe(date.getUTCDate() > 12 ? 1 : 3);
        if (DATE_OUT.slashOrder === 3) expect(DATE_OUT.tsMonthFirst).toBe(parse(text, 'MM/dd/yyyy', ref).getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('names slash layouts with date-fns tokens for each order', () => {
    read('05/03/2024 14:30');
    expect(slashFormatName(DATE_OUT.slashCode, 'day-first')).toBe('dd/MM/yyyy HH:mm');
    expect(slashFormatName(DATE_OUT.slashCode, 'month-first')).toBe('MM/dd/yyyy HH:mm');
    read('5-3-24');
    expect(slashFormatName(DATE_OUT.slashCode, 'day-first')).toBe('d-M-yy');
    read('3/5/2024 2:05 PM');
    expect(DATE_OUT.tsMonthFirst).toBe(Date.UTC(2024, 2, 5, 14, 5));
  });

  it('reads ISO 8601 zones as offsets from UTC', () => {
    expect(read('2024-03-05T10:00:00+02:00')).toBe(2);
    expect(DATE_OUT.ts).toBe(Date.UTC(2024, 2, 5, 8));
    expect(read('2024-03-05T10:00:00.123456Z')).toBe(2);
    expect(DATE_OUT.format).toBe("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");
    expect(DATE_OUT.ts).toBe(Date.UTC(2024, 2, 5, 10, 0, 0, 123));
  });

  it('rejects impossible days and says the value was an invalid date', () => {
    expect(read('2023-02-29')).toBe(0);
    expect(DATE_OUT.invalid).toBe(true);
    expect(read('31/31/2020')).toBe(0);
    expect(DATE_OUT.invalid).toBe(true);
    expect(read('2024-02-29')).toBe(1);
  });

  it('does not take numbers, phone numbers or versions for dates', () => {
    for (const value of ['12345678', '+44 20 7946 0123', '1.2.3', '2024-1', 'v2024-03-05x', '12/2024']) expect(read(value)).toBe(0);
  });
});
