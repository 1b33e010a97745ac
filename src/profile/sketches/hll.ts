import { base64ToBytes, bytesToBase64 } from './base64';

/**
 * HyperLogLog distinct-count sketch (Flajolet et al. 2007) with linear counting for small
 * cardinalities. The register index comes from the first hash and the rank from the second,
 * so 32 bits of rank leave no need for a large-range correction.
 */
export const HLL_PRECISION = 14;
const M = 1 << HLL_PRECISION;
const ALPHA = 0.7213 / (1 + 1.079 / M);

/** Relative standard error of an estimate: 1.04 / sqrt(m), 0.81% at precision 14. */
export const HLL_RELATIVE_ERROR = 1.04 / Math.sqrt(M);

export interface HllState {
  p: number;
  registers: string;
}

export class HyperLogLog {
  readonly registers: Uint8Array;

  constructor(registers?: Uint8Array) {
    this.registers = registers ?? new Uint8Array(M);
  }

  /** Adds a value by its two 32-bit hashes. */
  add(h1: number, h2: number): void {
    const index = h1 >>> (32 - HLL_PRECISION);
    const rank = Math.clz32(h2) + 1;
    if (rank > this.registers[index]!) this.registers[index] = rank;
  }

  merge(other: HyperLogLog): void {
    const a = this.registers;
    const b = other.registers;
    for (let i = 0; i < M; i++) if (b[i]! > a[i]!) a[i] = b[i]!;
  }

  estimate(): number {
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < M; i++) {
      const r = this.registers[i]!;
      sum += 2 ** -r;
      if (r === 0) zeros++;
    }
    const raw = (ALPHA * M * M) / sum;
    if (raw <= 2.5 * M && zeros > 0) return Math.round(M * Math.log(M / zeros));
    return Math.round(raw);
  }

  toState(): HllState {
    return { p: HLL_PRECISION, registers: bytesToBase64(this.registers) };
  }

  static fromState(state: HllState): HyperLogLog {
    const registers = base64ToBytes(state.registers);
    if (state.p !== HLL_PRECISION || registers.length !== M) throw new RangeError('HyperLogLog state of another precision');
    return new HyperLogLog(registers);
  }
}
