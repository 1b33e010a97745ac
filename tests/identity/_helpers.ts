import { analyseShape } from '../../src/identity/shape';
import type { ValueShape } from '../../src/identity/shape';

/** Runs a detector function the way the profiler does: with the value's shape. */
export function detect(fn: (value: string, shape: ValueShape) => boolean): (value: string) => boolean {
  return (value) => fn(value, analyseShape(value));
}
