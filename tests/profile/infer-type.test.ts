import { describe, expect, it } from 'vitest';
import { analyseShape } from '../../src/identity/shape';
import { classifyValue, NUMBER_OUT } from '../../src/profile/infer-type';

const classify = (value: string) => classifyValue(value, analyseShape(value));

describe('classifyValue', () => {
  it('reads integers and decimals with their value', () => {
    expect(classify('42')).toBe('integer');
    expect(NUMBER_OUT.value).toBe(42);
    expect(classify('-17')).toBe('integer');
    expect(NUMBER_OUT.value).toBe(-17);
    expect(classify('3.25')).toBe('decimal');
    expect(NUMBER_OUT.value).toBe(3.25);
    expect(classify('.5')).toBe('decimal');
  });

  it('keeps leading zeros and long digit strings as codes', () => {
    expect(classify('02134')).toBe('code');
    expect(classify('0')).toBe('integer');
    expect(classify('1234567890123456')).toBe('code');
    expect(classify('123456789012345')).toBe('integer');
  });

  it('recognises thousands separators and decimal commas', () => {
    expect(classify('1,234,567')).toBe('integer');
    expect([NUMBER_OUT.format, NUMBER_OUT.value]).toEqual([1, 1234567]);
    expect(classify('1,234.50')).toBe('decimal');
    expect(NUMBER_OUT.value).toBe(1234.5);
    expect(classify('1.234.567')).toBe('integer');
    expect([NUMBER_OUT.format, NUMBER_OUT.value]).toEqual([2, 1234567]);
    expect(classify('1.234,5')).toBe('decimal');
    expect(NUMBER_OUT.value).toBe(1234.5);
    expect(classify('12,5')).toBe('decimal');
    expect([NUMBER_OUT.format, NUMBER_OUT.value]).toEqual([3, 12.5]);
  });

  it('detects Excel-mangled identifiers', () => {
    expect(classify('1.23457E+11')).toBe('decimal');
    expect(NUMBER_OUT.excelScientific).toBe(true);
    expect(classify('6.02E+23')).toBe('decimal');
    expect(NUMBER_OUT.excelScientific).toBe(true);
    expect(classify('1.5e3')).toBe('decimal');
    expect(NUMBER_OUT.excelScientific).toBe(false);
    expect(classify('12345.0')).toBe('decimal');
    expect(NUMBER_OUT.trailingDotZero).toBe(true);
    expect(classify('12.50')).toBe('decimal');
    expect(NUMBER_OUT.trailingDotZero).toBe(false);
  });

  it('reads booleans in their common spellings', () => {
    for (const value of ['true', 'FALSE', 'Yes', 'no', 'Y', 'n']) expect(classify(value)).toBe('boolean');
    expect(classify('yesterday')).toBe('string');
  });

  it('tells dates from datetimes', () => {
    expect(classify('2024-03-05')).toBe('date');
    expect(classify('2024-03-05T10:00:00Z')).toBe('datetime');
    expect(classify('05/03/2024')).toBe('date');
    expect(classify('Tue, 5 Mar 2024 10:00:00 +0000')).toBe('datetime');
  });

  it('leaves everything else as strings', () => {
    for (const value of ['hello', 'john@example.com', '(555) 123-4567', '1-2', '--5', '1e', 'NaN', '12 345']) {
      expect(classify(value)).toBe('string');
    }
  });
});
