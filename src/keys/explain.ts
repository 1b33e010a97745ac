import type { JoinCandidate } from '../model';

const KIND_NOUN: Record<JoinCandidate['keyKind'], string> = {
  email: 'email addresses',
  phone: 'phone numbers',
  hashed: 'hashed identifiers',
  uuid: 'device or user ids',
  handle: 'social handles',
  ga_client_id: 'Google Analytics client ids',
  identifier: 'ids',
  value: 'values',
};

export const fmt = (n: number): string => n.toLocaleString('en-US');
export const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const possessive = (name: string): string => (name.endsWith('s') ? `${name}'` : `${name}'s`);
const ref = (side: { dataset: string; column: string }): string => `${side.dataset}.${side.column}`;

/** One plain sentence for a candidate, accepted or not. */
export function explainJoin(c: Omit<JoinCandidate, 'explanation'>, keySide: 'left' | 'right' | null): string {
  const about = c.exact ? '' : 'about ';
  const L = ref(c.left);
  const R = ref(c.right);
  if (c.accepted && c.transformSide !== 'both') {
    const plain = c.transformSide === 'left' ? c.left : c.right;
    const hashed = c.transformSide === 'left' ? c.right : c.left;
    const rate = c.transformSide === 'left' ? c.containmentRight : c.containmentLeft;
    return `${ref(hashed)} holds ${c.transform.split('(')[0]!.toUpperCase()} hashes of ${ref(plain)}: ${about}${fmt(c.matchedValues)} hashes (${pct(rate)} of them) equal ${c.transform} of a value in ${plain.dataset}.`;
  }
  if (c.accepted && c.rule === 'key' && keySide !== null) {
    const key = keySide === 'left' ? c.left : c.right;
    const fk = keySide === 'left' ? c.right : c.left;
    const contained = keySide === 'left' ? c.containmentRight : c.containmentLeft;
    const names = c.nameSimilarity >= 0.5 ? ', and the names agree' : '';
    return `${ref(fk)} points to ${ref(key)}: ${pct(contained)} of its ${fmt(keySide === 'left' ? c.distinctRight : c.distinctLeft)} distinct values are ${key.dataset} keys, and ${key.column} is unique in ${key.dataset}${names}.`;
  }
  if (c.accepted) {
    return `${L} and ${R} share ${about}${fmt(c.matchedValues)} ${KIND_NOUN[c.keyKind]} after ${c.transform}: ${pct(c.containmentLeft)} of ${possessive(c.left.dataset)} and ${pct(c.containmentRight)} of ${possessive(c.right.dataset)} distinct values.`;
  }
  return `Not a join: ${L} and ${R} share ${about}${fmt(c.matchedValues)} values, but ${rejection(c.reasons)}.`;
}

function rejection(reasons: readonly string[]): string {
  if (reasons.includes('generic_domain_no_name_evidence')) return 'the key holds small generic values (counters or short codes) and nothing in the names links them';
  if (reasons.includes('own_key')) return 'the column is its own dataset\'s id, not a reference to another dataset';
  if (reasons.includes('another_key_fits_better')) return 'the column points to another key better';
  if (reasons.includes('low_containment')) return 'too few of either side\'s values are shared to be the same population';
  if (reasons.includes('too_few_shared')) return 'so few shared values could be coincidence';
  if (reasons.includes('no_key_side')) return 'neither side is a key of its dataset and the values are not person identifiers (an attribute, not a join)';
  return 'the confidence is too low';
}
