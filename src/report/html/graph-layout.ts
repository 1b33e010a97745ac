/**
 * Deterministic geometry of the identity graph: datasets on an ellipse (clockwise from the top, in
 * report order), edges as quadratic curves fanned out when several join the same pair.
 */

export interface Point {
  x: number;
  y: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  /** width of a node box: narrower when there are many */
  nodeWidth: number;
  /** centres of the nodes, in dataset order */
  nodes: Point[];
}

export interface EdgeGeometry {
  /** SVG path data */
  path: string;
  /** where the label goes: the curve's midpoint */
  label: Point;
}

export const GRAPH_WIDTH = 960;
const NODE_WIDTH = 184;
export const NODE_HEIGHT = 52;
/** distance between the labels of joins between the same two datasets */
const FAN_SPACING = 40;

const MARGIN = 56;
const round = (n: number): number => Math.round(n * 10) / 10;

/** Width of a node box for `count` nodes, so that neighbours on the ellipse do not overlap. */
export function nodeWidth(count: number): number {
  if (count <= 6) return NODE_WIDTH;
  if (count <= 8) return 168;
  if (count <= 12) return 148;
  return 128;
}

/** Positions of `count` nodes: one in the middle, two side by side, more on an ellipse. */
export function circleLayout(count: number): GraphLayout {
  const cx = GRAPH_WIDTH / 2;
  const width = nodeWidth(count);
  if (count <= 1) {
    const height = 2 * MARGIN + NODE_HEIGHT;
    return { width: GRAPH_WIDTH, height, nodeWidth: width, nodes: count === 1 ? [{ x: cx, y: height / 2 + 16 }] : [] };
  }
  if (count === 2) {
    const height = 2 * MARGIN + NODE_HEIGHT + 40;
    const y = height / 2 + 16;
    return { width: GRAPH_WIDTH, height, nodeWidth: width, nodes: [{ x: cx - 250, y }, { x: cx + 250, y }] };
  }
  const rx = GRAPH_WIDTH / 2 - width / 2 - 24;
  const ry = count <= 4 ? 150 : count <= 8 ? 200 : 240 + Math.max(0, count - 12) * 24;
  const nodes = Array.from({ length: count }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
    return { x: round(cx + rx * Math.cos(angle)), y: round(MARGIN + ry + ry * Math.sin(angle)) };
  });
  const height = Math.ceil(Math.max(...nodes.map((n) => n.y)) + NODE_HEIGHT / 2 + 32);
  return { width: GRAPH_WIDTH, height, nodeWidth: width, nodes };
}

/** Offsets of `count` parallel edges, centred on 0: `[0]`, `[-20, 20]`, `[-40, 0, 40]`... */
export function fanOffsets(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (i - (count - 1) / 2) * FAN_SPACING);
}

/**
 * A curve from `a` to `b` whose midpoint lies `offset` away from the straight line (to the left of
 * a → b). Callers pass the pair in a fixed order so parallel edges fan out on both sides.
 */
export function edgeGeometry(a: Point, b: Point, offset: number): EdgeGeometry {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const nx = -dy / length;
  const ny = dx / length;
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const control = { x: round(mid.x + 2 * offset * nx), y: round(mid.y + 2 * offset * ny) };
  return {
    path: `M${round(a.x)} ${round(a.y)} Q${control.x} ${control.y} ${round(b.x)} ${round(b.y)}`,
    label: { x: round(mid.x + offset * nx), y: round(mid.y + offset * ny) },
  };
}

/** A loop above a node, for a join within one dataset; `index` stacks several loops. */
export function loopPath(node: Point, index: number): { path: string; top: Point } {
  const top = node.y - NODE_HEIGHT / 2;
  const spread = 26 + index * 8;
  const rise = 34 + index * 12;
  return {
    path: `M${round(node.x - spread)} ${round(top)} C${round(node.x - spread - 24)} ${round(top - rise)} ${round(node.x + spread + 24)} ${round(top - rise)} ${round(node.x + spread)} ${round(top)}`,
    // a cubic with both control points at the same height peaks at 3/4 of it
    top: { x: round(node.x), y: round(top - 0.75 * rise) },
  };
}
