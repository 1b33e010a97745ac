import { readFileSync } from 'node:fs';
import { configToScan, scan, type ScanReport } from '../../src/index';
import { DEMO_NOW } from './fixtures';

let cached: Promise<ScanReport> | undefined;

/**
 * The demo: the repository's stitchscan.config.json scanned with the clock pinned, as
 * `npm run demo -- --now 2026-11-05T00:00:00Z` would. Docs that quote it are checked against it.
 */
export function demoScan(): Promise<ScanReport> {
  if (cached === undefined) {
    const { inputs, options } = configToScan(JSON.parse(readFileSync('stitchscan.config.json', 'utf8')), process.cwd());
    cached = scan(inputs, { ...options, now: DEMO_NOW });
  }
  return cached;
}
