import type { Grade } from '../model';

/**
 * Whether terminal output should carry ANSI colours. Decided in this order:
 * 1. `FORCE_COLOR` set: colours unless it is `0` or `false` (an explicit request wins, as in
 *    Node's own `tty` and in supports-color; `FORCE_COLOR=''` counts as on);
 * 2. `NO_COLOR` set to a non-empty value: no colours (https://no-color.org; an empty `NO_COLOR`
 *    is ignored);
 * 3. otherwise colours when the stream is a terminal and `TERM` is not `dumb`.
 * @param env the environment, usually `process.env`
 * @param isTTY whether the output stream is a terminal (`process.stdout.isTTY === true`)
 * @returns true to colour
 * @example renderTerminalSummary(report, { colour: shouldUseColour(process.env, process.stdout.isTTY === true) })
 */
export function shouldUseColour(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}

/** The few styles the terminal summary uses. */
export type Style = 'bold' | 'dim' | 'green' | 'yellow' | 'red';

const SGR = { bold: [1, 22], dim: [2, 22], green: [32, 39], yellow: [33, 39], red: [31, 39] } as const satisfies Record<Style, readonly [number, number]>;

/** Wraps text in the style's ANSI codes when `colour` is on; returns it unchanged otherwise. */
export function paint(text: string, style: Style | undefined, colour: boolean): string {
  if (!colour || style === undefined || text === '') return text;
  const [on, off] = SGR[style];
  return `\x1b[${on}m${text}\x1b[${off}m`;
}

/** The colour of a grade: green for A and B, yellow for C and D, red for E and F. */
export function gradeStyle(grade: Grade): Style {
  if (grade === 'A' || grade === 'B') return 'green';
  return grade === 'C' || grade === 'D' ? 'yellow' : 'red';
}
