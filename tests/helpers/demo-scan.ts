import { readFileSync } from 'node:fs';
import { configToScan, scan, type ScanReport } from '../../src/index';
import { DEMO_NOW } from './fixtures';

let cached: Promise<ScanReport> | undefined;

/**
 * The demo scan: the repository's stitchscan.config.json with the clock pinned. It scans the same
 * four files as `npm run demo` (which names them on the command line, region GB), with the
 * names, roles and hub of the config, which the demo does not set: roles and hubChosenBy differ
 * from the demo's. Docs that quote it are checked against it.
 */
export function demoScan(): Promise<ScanReport> {
  if (cached === undefined) {
    const { inputs, options } = configToScan(JSON.parse(readFileSync('stitchscan.config.json', 'utf8')), process.cwd());
    cached = scan(inputs, { ...options, now: DEMO_NOW });
  }
  return cached;
}
