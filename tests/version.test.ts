import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOOL_NAME, TOOL_VERSION } from '../src/version';

describe('version', () => {
  it('matches package.json, so reports name the version that made them', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect(TOOL_VERSION).toBe(pkg.version);
    expect(TOOL_NAME).toBe(pkg.name);
  });
});
