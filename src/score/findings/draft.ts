import { formatCount, formatShareOf } from '../../format';
import type { DatasetFacts, ReadinessFacts } from '../facts';
import type { FindingCode } from './codes';

/** A finding before its impact is known: what it says, and how the facts look once it is fixed. */
export interface FindingDraft {
  code: FindingCode;
  dataset: string | null;
  column: string | null;
  evidence: Record<string, number>;
  message: string;
  fix: string;
  /** changes a copy of the facts to what they would be with the problem fixed */
  repair: (facts: ReadinessFacts) => void;
}

export const n = (x: number): string => formatCount(Math.round(x));
/** `1 row`, `2 rows`: the count with the noun in the right number. */
export const plural = (count: number, one: string, many = `${one}s`): string => `${n(count)} ${Math.round(count) === 1 ? one : many}`;
export const pct = formatShareOf;

/** The dataset of that name in a facts copy (repairs run on copies). */
export function datasetIn(facts: ReadinessFacts, name: string): DatasetFacts {
  const d = facts.datasets.find((x) => x.dataset === name);
  if (d === undefined) throw new Error(`no facts for dataset ${name}`);
  return d;
}
