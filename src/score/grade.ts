import { DIMENSION_LABELS, type Dimension, type Grade } from '../model';

/** Lowest overall score of each grade. */
export const GRADE_FLOORS: readonly (readonly [Grade, number])[] = [
  ['A', 90],
  ['B', 80],
  ['C', 70],
  ['D', 60],
  ['E', 50],
  ['F', 0],
];

export function gradeOf(score: number): Grade {
  return GRADE_FLOORS.find(([, floor]) => score >= floor)![0];
}


const GRADE_SENTENCES: Readonly<Record<Grade, string>> = {
  A: 'Ready for a single customer view',
  B: 'Nearly ready for a single customer view: a few fixes first',
  C: 'A single customer view is possible, but fix the top problems first',
  D: 'Not ready: a customer view built now would miss or merge many customers',
  E: 'Far from ready: most records cannot be linked reliably',
  F: 'Not usable for a single customer view yet',
};

/** One line: what the grade means, and the weakest dimension that is scored. */
export function verdictOf(grade: Grade, dimensions: readonly { dimension: Dimension; score: number | null }[]): string {
  const scored = dimensions.filter((d): d is { dimension: Dimension; score: number } => d.score !== null);
  const weakest = scored.reduce<{ dimension: Dimension; score: number } | null>((w, d) => (w === null || d.score < w.score ? d : w), null);
  if (weakest === null || weakest.score >= 90) return `${GRADE_SENTENCES[grade]}.`;
  return `${GRADE_SENTENCES[grade]}; weakest: ${DIMENSION_LABELS[weakest.dimension].toLowerCase()} (${Math.round(weakest.score)}/100).`;
}
