import { formatCount as fmt, formatRef as ref, formatShare as pct } from '../format';
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

const possessive = (name: string): string => (name.endsWith('s') ? `${name}'` : `${name}'s`);

/** One plain sentence for a candidate, accepted or not. */
export function explainJoin(c: Omit<JoinCandidate, 'explanation'>, keySide: 'left' | 'right' | null): string {
  const about = c.exact ? '' : 'about ';
  const L = ref(c.left);
  const R = ref(c.right);
  if (c.accepted && c.transformSide !== 'both') {
    // findJoins puts the plain side left
    return `${R} holds ${c.transform.split('(')[0]!.toUpperCase()} hashes of ${L}: ${about}${fmt(c.matchedValues)} hashes (${pct(c.containmentRight)} of them) equal ${c.transform} of a value in ${c.left.dataset}.`;
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
