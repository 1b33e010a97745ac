import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/model';
import { circleLayout, edgeGeometry, fanOffsets, GRAPH_WIDTH, loopPath, NODE_HEIGHT } from '../../src/report/html/graph-layout';
import { drawnJoins, edgeLabel, graphSvg, MAX_LABELLED_EDGES } from '../../src/report/html/graph-svg';
import { sampleReport } from '../helpers/sample-report';
import { manyDatasetsReport } from './_html-fixtures';

describe('circleLayout', () => {
  it('places 1 to 16 node boxes inside the drawing without overlaps', () => {
    for (let n = 1; n <= 16; n++) {
      const { width, height, nodeWidth, nodes } = circleLayout(n);
      expect(nodes).toHaveLength(n);
      expect(width).toBe(GRAPH_WIDTH);
      for (const p of nodes) {
        expect(p.x - nodeWidth / 2).toBeGreaterThanOrEqual(0);
        expect(p.x + nodeWidth / 2).toBeLessThanOrEqual(width);
        expect(p.y - NODE_HEIGHT / 2).toBeGreaterThanOrEqual(0);
        expect(p.y + NODE_HEIGHT / 2).toBeLessThanOrEqual(height);
      }
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const [p, q] = [nodes[i]!, nodes[j]!];
          const apart = Math.abs(p.x - q.x) >= nodeWidth + 4 || Math.abs(p.y - q.y) >= NODE_HEIGHT + 4;
          expect(apart, `${n} nodes: ${i} and ${j} overlap`).toBe(true);
        }
      }
    }
  });

  it('is deterministic and starts at the top', () => {
    expect(circleLayout(5)).toEqual(circleLayout(5));
    const { nodes } = circleLayout(5);
    expect(nodes[0]!.x).toBe(GRAPH_WIDTH / 2);
    expect(Math.min(...nodes.map((p) => p.y))).toBe(nodes[0]!.y);
  });

  it('leaves room above the top node for a loop', () => {
    for (const n of [1, 2, 3, 12]) {
      const top = circleLayout(n).nodes[0]!;
      expect(loopPath(top, 0).top.y).toBeGreaterThan(0);
    }
  });
});

describe('edge geometry', () => {
  it('fans parallel edges out symmetrically around the straight line', () => {
    expect(fanOffsets(1)).toEqual([0]);
    expect(fanOffsets(2)).toEqual([-20, 20]);
    expect(fanOffsets(3)).toEqual([-40, 0, 40]);
  });

  it('puts the label at the curve midpoint, offset to the left of a → b', () => {
    const straight = edgeGeometry({ x: 0, y: 0 }, { x: 100, y: 0 }, 0);
    expect(straight.label).toEqual({ x: 50, y: 0 });
    expect(straight.path).toBe('M0 0 Q50 0 100 0');
    const bent = edgeGeometry({ x: 0, y: 0 }, { x: 100, y: 0 }, 20);
    expect(bent.label).toEqual({ x: 50, y: 20 });
    expect(bent.path).toBe('M0 0 Q50 40 100 0');
  });
});

describe('graphSvg', () => {
  let sample: ScanReport;
  beforeAll(async () => {
    sample = await sampleReport();
  });

  it('labels edges with both columns, the hash step and both match rates', () => {
    const svg = graphSvg(sample).value;
    expect(svg).toContain('<tspan x="');
    expect(svg).toMatch(/email ↔ Email Address<\/tspan><tspan x="[\d.]+" dy="14" class="edge-rates">38.0% \/ 64.1%/);
    expect(svg).toMatch(/sha256 · \d+\.\d% \/ \d+\.\d%/);
  });

  it('gives joins between the same two datasets distinct label positions', () => {
    const svg = graphSvg(manyDatasetsReport(sample, 2)).value;
    const labels = [...svg.matchAll(/<g class="edge-mark" data-join="\d+">.*?<text class="edge-label" x="([\d.]+)" y="([\d.-]+)"/g)].map((m) => `${m[1]},${m[2]}`);
    expect(labels).toHaveLength(3);
    expect(new Set(labels).size).toBe(3);
  });

  it('switches to numbered badges when there are too many joins to label', () => {
    const report = manyDatasetsReport(sample, 12);
    const edges = drawnJoins(report).filter((e) => e.from !== e.to);
    expect(edges.length).toBeGreaterThan(MAX_LABELLED_EDGES);
    const svg = graphSvg(report).value;
    expect(svg).not.toContain('class="edge-label"');
    expect(svg.match(/class="edge-badge-text"/g)).toHaveLength(drawnJoins(report).length);
  });

  it('draws a join within one dataset as a numbered loop', () => {
    const svg = graphSvg(manyDatasetsReport(sample, 3)).value;
    expect(svg).toMatch(/<g class="loop" data-join="\d+"><title>ds 3\.referrer_id ↔ ds 3\.customer_id/);
  });

  it('reads labels in screen order: the column of the node on the left comes first', () => {
    const join = sample.joins[0]!;
    expect(edgeLabel(join)).toEqual(['email ↔ Email Address', '38.0% / 64.1%']);
    expect(edgeLabel(join, true)).toEqual(['Email Address ↔ email', '64.1% / 38.0%']);
    const svg = graphSvg(manyDatasetsReport(sample, 2)).value;
    // join 3 is ds 2.phone ↔ ds 1.mobile; ds 1 is drawn on the left
    expect(svg).toContain('>mobile ↔ phone<');
  });

  it('skips joins that name a dataset the report does not hold', () => {
    const report = { ...sample, joins: [{ ...sample.joins[0]!, right: { dataset: 'gone', column: 'x' } }] };
    expect(drawnJoins(report)).toEqual([]);
  });
});
