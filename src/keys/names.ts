/**
 * Name similarity between a column and the column (and dataset) it may join to: a weak signal,
 * never enough alone. Names are split into words (camelCase, snake_case, spaces, dots), words
 * that say "this is an id" are dropped, and plurals are folded.
 */

const NOISE = new Set(['id', 'ids', 'key', 'no', 'num', 'number', 'code', 'fk', 'pk', 'ref', 'the', 'of', 'fld', 'col']);

/** Words that name the same entity as another word (a foreign key named after a role). */
const SYNONYMS: readonly (readonly string[])[] = [
  ['employee', 'rep', 'representative', 'agent', 'staff', 'salesperson', 'seller', 'manager', 'supervisor', 'worker'],
  ['customer', 'client', 'buyer', 'account', 'member', 'user', 'contact', 'person', 'shopper'],
  ['supplier', 'vendor', 'provider'],
  ['shipper', 'carrier', 'courier', 'ship'],
];

/** Column names that point back into their own dataset (`reports_to` to `employee_id`). */
const SELF_REFERENCE = new Set(['report', 'reportsto', 'manager', 'parent', 'supervisor', 'boss', 'referrer', 'referred', 'lead', 'head', 'mentor', 'sponsor']);

export function nameWords(name: string): string[] {
  return name
    .replace(/IDs(?![a-z])/g, 'Ids')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .filter((w) => w.length > 0 && !NOISE.has(w))
    .map(singular);
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function related(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length >= 3 && b.length >= 3 && (a.startsWith(b) || b.startsWith(a))) return 0.8;
  for (const group of SYNONYMS) if (group.includes(a) && group.includes(b)) return 0.7;
  return 0;
}

/** Whether a column is named after its own dataset (`Invoice.InvoiceId`, `orders.order_id`): that dataset's own id. */
export function isOwnIdName(ref: NamedColumn): boolean {
  const words = nameWords(ref.column);
  const dataset = nameWords(ref.dataset);
  return words.length > 0 && words.every((w) => dataset.includes(w));
}

export interface NamedColumn {
  dataset: string;
  column: string;
}

/**
 * How well `from`'s name points at `to`: 1 for the same words (`customer_id` and `CustomerId`),
 * 0.8 when a word of `from` starts a word of `to` or of its dataset (`ship_via` and
 * `shippers.shipper_id`), 0.7 for synonyms (`SupportRepId` and `Employee.EmployeeId`), 0.7 for
 * a self-reference word inside one dataset (`reports_to`), else 0.
 *
 * @example nameSimilarity({ dataset: 'orders', column: 'customer_id' }, { dataset: 'customers', column: 'customer_id' }) // 1
 */
export function nameSimilarity(from: NamedColumn, to: NamedColumn): number {
  const a = nameWords(from.column);
  const b = nameWords(to.column);
  if (a.length > 0 && a.join(' ') === b.join(' ')) return 1;
  if (from.dataset === to.dataset && a.some((w) => SELF_REFERENCE.has(w))) return 0.7;
  const targets = [...b, ...nameWords(to.dataset)];
  let best = 0;
  for (const w of a) for (const t of targets) best = Math.max(best, related(w, t));
  return best;
}
