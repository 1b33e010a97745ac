import { tokeniseColumnName } from '../identity/column-name';
import type { ColumnProfile, DatasetProfile } from '../model';

/** What a customer profile needs beyond its keys. */
export const ATTRIBUTE_GROUPS = ['name', 'location', 'consent', 'dates'] as const;
export type AttributeGroup = (typeof ATTRIBUTE_GROUPS)[number];

const LOCATION_WORDS = /\b(?:city|town|location|address|addr|street|region|state|county|province|postcode|zip|country)\b/;
const CONSENT_WORDS = /\b(?:consent|opt ?in|opt ?out|gdpr|subscribed|subscription|unsubscribed|permission|marketing ?(?:ok|allowed))\b/;
const CONSENT_VALUES = new Set(['subscribed', 'unsubscribed', 'opted_in', 'opted_out', 'opted in', 'opted out', 'granted', 'denied']);

/** The attribute group a column serves, from its semantic type, type, name and values. */
function attributeGroupOf(column: ColumnProfile): AttributeGroup | null {
  const type = column.semanticType;
  if (type === 'first_name' || type === 'last_name' || type === 'full_name') return 'name';
  if (type === 'postal_code' || type === 'country') return 'location';
  if (column.inferredType === 'date' || column.inferredType === 'datetime' || column.inferredType === 'epoch') return 'dates';
  const words = tokeniseColumnName(column.name).join(' ');
  if (CONSENT_WORDS.test(words) || column.topValues.some((v) => CONSENT_VALUES.has(v.value.trim().toLowerCase()))) return 'consent';
  if (LOCATION_WORDS.test(words) && type === null) return 'location';
  return null;
}

/** For each group, the completeness of the dataset's most complete column in it (null: none). */
export function attributeFactsOf(profile: DatasetProfile): Record<AttributeGroup, number | null> {
  const out: Record<AttributeGroup, number | null> = { name: null, location: null, consent: null, dates: null };
  for (const column of profile.columns) {
    const group = attributeGroupOf(column);
    if (group !== null) out[group] = Math.max(out[group] ?? 0, column.completeness);
  }
  return out;
}
