import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configToScan } from '../../src/config';
import { configJsonSchema } from '../../src/config-json-schema';
import { scanReportJsonSchema } from '../../src/model/json-schema';
import { ESTATE_ATTRIBUTE_SHARE } from '../../src/score/score';
import { CONSISTENCY_WEIGHTS } from '../../src/score/consistency-facts';
import { DUPLICATE_COST, REACH_SHARE } from '../../src/score/dimensions';
import { ENTITY_UNIQUENESS } from '../../src/score/duplicates';
import { SEVERITY_GAINS } from '../../src/score/findings/codes';
import { GRADE_FLOORS } from '../../src/score/grade';
import { DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS } from '../../src/score/options';

const doc = readFileSync('docs/scoring.md', 'utf8');

describe('docs/scoring.md quotes the constants of src/score', () => {
  it('default weights', () => {
    for (const [dimension, weight] of Object.entries(DEFAULT_WEIGHTS)) expect(doc).toMatch(new RegExp(`^\\| ${dimension} \\| ${weight} \\|$`, 'm'));
  });

  it('thresholds, shares and costs', () => {
    expect(doc).toContain(`freshDays = ${DEFAULT_THRESHOLDS.freshDays}, staleDays = ${DEFAULT_THRESHOLDS.staleDays}`);
    expect(doc).toContain(`REACH_SHARE = ${REACH_SHARE}`);
    expect(doc).toContain(`DUPLICATE_COST = ${DUPLICATE_COST}`);
    expect(doc).toContain(`ESTATE_ATTRIBUTE_SHARE = ${ESTATE_ATTRIBUTE_SHARE}`);
    expect(doc).toContain(`\`ENTITY_UNIQUENESS\` = ${ENTITY_UNIQUENESS}`);
    expect(doc).toContain(`| ${SEVERITY_GAINS.high} points or more | high |`);
    expect(doc).toContain(`| ${SEVERITY_GAINS.medium} to ${SEVERITY_GAINS.high} points | medium |`);
  });

  it('consistency weights', () => {
    for (const [problem, weight] of Object.entries(CONSISTENCY_WEIGHTS)) expect(doc).toMatch(new RegExp(`^\\| ${problem} \\| \`[A-Z_]+\` \\| ${weight} \\|`, 'm'));
  });

  it('grade floors', () => {
    for (const [grade, floor] of GRADE_FLOORS) expect(doc).toMatch(floor === 0 ? new RegExp(`^\\| ${grade} \\| under `, 'm') : new RegExp(`^\\| ${grade} \\| ${floor} `, 'm'));
  });
});

describe('schema/ holds the current JSON Schemas', () => {
  it.each([
    ['schema/scan-report.schema.json', scanReportJsonSchema],
    ['schema/stitchscan.config.schema.json', configJsonSchema],
  ] as const)('%s (regenerate with npm run schema)', (file, make) => {
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(make());
  });

  it('the shipped config validates against its own schema shape', () => {
    const config = JSON.parse(readFileSync('stitchscan.config.json', 'utf8')) as { $schema: string; datasets: unknown[] };
    expect(config.$schema).toBe('./schema/stitchscan.config.schema.json');
    expect(config.datasets).toHaveLength(4);
    // and the library reads it as the scan the docs describe
    const { inputs, options } = configToScan(config, process.cwd());
    expect(inputs.map((i) => (typeof i === 'object' && 'name' in i ? [i.name, i.role] : i))).toEqual([['customers', 'crm'], ['events', 'web'], ['subscribers', 'email'], ['followers', 'social']]);
    expect(options).toMatchObject({ region: 'GB', hub: 'customers' });
  });
});
