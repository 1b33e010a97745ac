import { describe, expect, it } from 'vitest';
import { SemanticTypeSchema, type SemanticType } from '../../src/model/semantic';
import { DETECTORS, defineDetector } from '../../src/identity/detectors';
import { analyseShape } from '../../src/identity/shape';

function typesOf(value: string): SemanticType[] {
  const shape = analyseShape(value);
  return DETECTORS.filter((d) => d.match(value, shape)).map((d) => d.type);
}

describe('DETECTORS', () => {
  it('has exactly one detector per semantic type', () => {
    expect(DETECTORS.map((d) => d.type).sort()).toEqual([...SemanticTypeSchema.options].sort());
  });

  it.each([
    ['jane.doe@example.org', ['email']],
    ['+44 20 7946 0958', ['phone']],
    ['4155552671', ['phone', 'identifier']],
    ['3f2504e0-4f89-11d3-9a0c-0305e82c3301', ['uuid', 'identifier']],
    ['3f2504e04f8911d39a0c0305e82c3301', ['hashed', 'identifier']],
    ['GA1.2.1234567890.1700000000', ['ga_client_id', 'identifier']],
    ['1234567890.1700000000', ['ga_client_id']],
    ['2001:db8::1', ['ip']],
    ['https://example.org/pricing', ['url']],
    ['https://twitter.com/jane', ['handle', 'url']],
    ['SW1A 1AA', ['postal_code']],
    ['75001', ['postal_code', 'identifier']],
    ['Germany', ['country']],
    ['Jordan', ['country', 'first_name', 'last_name']],
    ['Olivia', ['first_name']],
    ['Xylophone', []],
    ['Nowak', ['last_name']],
    ['Olivia Nowak', ['full_name']],
    ['@jane', ['handle']],
    ['CUST-000123', ['identifier']],
    ['pending', []],
    ['', []],
  ] as const)('reads %j as %j', (value, types) => {
    expect(typesOf(value)).toEqual(types);
  });

  it('orders detectors from the most specific to identifier', () => {
    expect(DETECTORS[0]?.type).toBe('uuid');
    expect(DETECTORS.at(-1)?.type).toBe('identifier');
  });
});

describe('defineDetector', () => {
  it('returns a frozen detector with its literal type', () => {
    const detector = defineDetector('email', () => true);
    expect(detector.type).toBe('email');
    expect(detector.match('x', analyseShape('x'))).toBe(true);
    expect(Object.isFrozen(detector)).toBe(true);
  });
});
