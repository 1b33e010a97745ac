/**
 * HTML escaping for the report. Every string that comes from the data goes through `escapeHtml`,
 * and markup is built with the `html` tag, which escapes every interpolated string: a value can
 * only be inserted raw when it already is `Html` (built by this tag or `trusted`).
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes the five characters that matter in HTML text and quoted attributes (also in inline SVG).
 * @example escapeHtml('<b>"x" & \'y\'</b>') // '&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A fragment of markup that is safe to insert as is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated into `html`: strings are escaped, numbers printed, empty values dropped. */
export type HtmlValue = Html | string | number | false | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(render).join('');
}

/**
 * Tagged template that escapes every interpolated string (text and attribute values alike; write
 * attributes in double quotes). Arrays are concatenated.
 * @example html`<td title="${name}">${name}</td>`
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Marks a constant written in this package (the style sheet) as markup. Never use it on data. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** Joins fragments with a separator that is escaped like any string. */
export function joinHtml(parts: readonly HtmlValue[], separator: string): Html {
  return new Html(parts.map(render).join(escapeHtml(separator)));
}
