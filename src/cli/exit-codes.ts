/** Exit codes of the command, documented in docs/cli.md. */
export const EXIT = {
  OK: 0,
  /** reserved for `scan --fail-under` */
  BELOW_THRESHOLD: 1,
  USER_ERROR: 2,
  INTERNAL: 3,
} as const satisfies Record<string, number>;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
