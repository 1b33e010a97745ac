import { html, type Html } from './escape';
import { cssPercent } from './format';

/** Tone of a bar: neutral (or muted) for volumes, good/warn/bad for scores and null rates. */
export type Tone = 'neutral' | 'muted' | 'good' | 'warn' | 'bad';

/** Tone of a 0-100 score. */
export function scoreTone(score: number): Tone {
  if (score >= 80) return 'good';
  if (score >= 60) return 'warn';
  return 'bad';
}

/** Tone of a null rate (0 to 1): a few nulls are normal, most nulls are a problem. */
export function nullTone(rate: number): Tone {
  if (rate <= 0.05) return 'good';
  if (rate <= 0.3) return 'warn';
  return 'bad';
}

/**
 * A horizontal bar filled to `share` (0 to 1). The width is a number computed here, never data;
 * `label` is the accessible text (escaped).
 */
export function bar(share: number, tone: Tone, label: string): Html {
  return html`<span class="bar" role="img" aria-label="${label}"><span class="fill ${tone}" style="width:${cssPercent(share)}"></span></span>`;
}
