import type { ScanReport } from '../../model';
import { formatCount, formatEstimate, formatRef, formatShare, formatShareOf } from '../_format';
import { SAMPLED_STITCH_CAVEAT } from '../_stitch-caveat';
import { code, escapeText, markdownTable } from './escape';

/** The dry-run stitch: unified profiles, linkage per dataset, source overlaps, junk left out. */
export function stitchSection(report: ScanReport): string {
  const { graph } = report;
  const s = graph.stitch;
  const how = s.exact ? 'exact' : `estimated from a ${formatShare(s.sampleRate)} sample of the identity values`;
  const lines = ['## Stitch estimate', '', `**${formatEstimate(s.unifiedProfiles, s.exact)} unified customer profiles** (${how}).`];
  if (!s.exact) lines.push('', SAMPLED_STITCH_CAVEAT);
  if (s.columnsUsed.length > 0) lines.push('', `Records were linked through ${s.columnsUsed.map((c) => code(formatRef(c))).join(', ')}.`);
  if (graph.hub !== null && graph.unreachable.length > 0) {
    const names = graph.unreachable.map((d) => escapeText(d, { lineStart: false })).join(', ');
    lines.push('', `Cannot be linked to the hub dataset (${escapeText(graph.hub, { lineStart: false })}): ${names}.`);
  }
  lines.push(
    '',
    markdownTable(
      ['Dataset', 'Rows', 'Linked rows', 'Linked share', 'Rows without keys'],
      s.datasets.map((d) => [
        escapeText(d.dataset, { lineStart: false }),
        formatCount(d.rows),
        formatCount(d.linkedRows),
        formatShare(d.linkedShare),
        formatCount(d.rowsWithoutKeys),
      ]),
      ['l', 'r', 'r', 'r', 'r'],
    ),
  );
  if (s.overlaps.length > 0) {
    lines.push(
      '',
      '### Source overlaps',
      '',
      markdownTable(
        ['Sources', 'Profiles', 'Share of profiles'],
        s.overlaps.map((o) => [
          o.datasets.map((d) => escapeText(d, { lineStart: false })).join(' + '),
          formatCount(o.profiles),
          formatShareOf(o.profiles, s.unifiedProfiles),
        ]),
        ['l', 'r', 'r'],
      ),
    );
  }
  lines.push(
    '',
    s.junkExcluded === 0
      ? 'No junk identifier was found.'
      : `${formatCount(s.junkExcluded)} junk identifier ${s.junkExcluded === 1 ? 'value was' : 'values were'} left out of the linking (placeholders and values shared by too many people; listed in the JSON report’s \`graph.junk\`).`,
  );
  return lines.join('\n');
}
