import { scoreTone } from './bar';
import { html, type Html } from './escape';
import { formatScore } from './format';

const R = 52;
const CIRCUMFERENCE = 2 * Math.PI * R;

/** The overall score as a ring gauge (inline SVG) with the number and grade in the middle. */
export function scoreGauge(score: number, grade: string): Html {
  const filled = (Math.min(100, Math.max(0, score)) / 100) * CIRCUMFERENCE;
  return html`<svg class="gauge" viewBox="0 0 140 140" width="140" height="140" role="img" aria-label="${`Readiness score ${formatScore(score)} of 100, grade ${grade}`}">
<circle cx="70" cy="70" r="${R}" class="gauge-track"/>
<circle cx="70" cy="70" r="${R}" class="gauge-fill ${scoreTone(score)}" stroke-dasharray="${filled.toFixed(2)} ${CIRCUMFERENCE.toFixed(2)}" transform="rotate(-90 70 70)"/>
<text x="70" y="72" class="gauge-score" text-anchor="middle">${formatScore(score)}</text>
<text x="70" y="96" class="gauge-scale" text-anchor="middle">of 100</text>
</svg>`;
}
