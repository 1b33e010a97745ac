import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseShape } from '../../src/identity/shape';
import { patternOf } from '../../src/profile/pattern';

describe('patternOf', () => {
  it('writes letters, digits and other characters as their classes', () => {
    expect(patternOf('(555) 123-4567')).toBe('(999) 999-9999');
    expect(patternOf('John')).toBe('Aaaa');
    expect(patternOf('SW1A 1AA')).toBe('AA9A 9AA');
    expect(patternOf('Émile')).toBe('Aaaaa');
    expect(patternOf('x'.repeat(30))).toBe(`${'a'.repeat(24)}…`);
  });

  it('gives equal pattern hashes to values of equal patterns, accented letters included, so counting by hash counts patterns', () => {
    const ascii = fc.string({ unit: fc.constantFrom('a', 'Z', '5', '-', ' ', '@', '.', 'é', 'É', 'ß', 'Ж', '€', '0'), maxLength: 30 });
    fc.assert(
      fc.property(ascii, ascii, (a, b) => {
        const same = patternOf(a) === patternOf(b);
        expect(analyseShape(a).patternHash === analyseShape(b).patternHash).toBe(same);
      }),
      { numRuns: 2000 },
    );
  });
});
