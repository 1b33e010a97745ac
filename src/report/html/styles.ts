/** The report's only style sheet: a constant, inlined in <style>; system fonts, no external resources. */
export const STYLES = `
:root{--ink:#1f2933;--muted:#64707d;--line:#dde2e7;--soft:#f4f6f8;--accent:#2f5d8a;--accent-soft:#e6eef6;
--good:#2f7d4f;--warn:#b7791f;--bad:#b83a3a;--bad-soft:#fbeaea;--paper:#fff}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--soft);color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1180px;margin:0 auto;padding:0 24px 48px}
header.top{background:var(--paper);border-bottom:1px solid var(--line);margin-bottom:24px}
header.top .inner{max-width:1180px;margin:0 auto;padding:20px 24px 12px}
h1{font-size:24px;margin:0 0 4px;letter-spacing:-.01em}
h2{font-size:19px;margin:0 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:20px 0 8px}
nav.toc{display:flex;flex-wrap:wrap;gap:4px 18px;margin-top:10px;font-size:13px}
nav.toc a{color:var(--accent);text-decoration:none}
section{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:20px 24px;margin:0 0 20px}
section.dataset{border:0;border-top:1px solid var(--line);border-radius:0;padding:8px 0 0;margin:16px 0 0}
h2+section.dataset{border-top:0;margin-top:0;padding-top:0}
p{margin:6px 0}
code{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);border-radius:4px;padding:1px 4px;overflow-wrap:anywhere}
.muted{color:var(--muted)}
.lead{color:var(--muted);max-width:80ch}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.ref,.ds,.col-name{font-weight:600;overflow-wrap:break-word}
.col{overflow-wrap:break-word}
.two-col{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:24px}
@media (max-width:860px){.two-col{grid-template-columns:minmax(0,1fr)}}
.headline{display:flex;gap:28px;align-items:center;flex-wrap:wrap}
.verdict-box{flex:1;min-width:280px}
.verdict{font-size:18px;font-weight:500;margin:4px 0 12px;max-width:70ch}
.gauge-track{fill:none;stroke:var(--line);stroke-width:12}
.gauge-fill{fill:none;stroke-width:12;stroke-linecap:round}
.gauge-fill.good{stroke:var(--good)}.gauge-fill.warn{stroke:var(--warn)}.gauge-fill.bad{stroke:var(--bad)}
.gauge-score{font-size:34px;font-weight:700;fill:var(--ink)}
.gauge-scale{font-size:12px;fill:var(--muted)}
.grade{display:inline-block;min-width:1.8em;text-align:center;font-weight:700;border-radius:6px;padding:1px 8px;color:#fff;background:var(--muted)}
.grade-A,.grade-B{background:var(--good)}.grade-C,.grade-D{background:var(--warn)}.grade-E,.grade-F{background:var(--bad)}
.figures{display:flex;flex-wrap:wrap;gap:10px}
.figure{background:var(--soft);border-radius:8px;padding:8px 14px;min-width:120px}
.figure-value{display:block;font-size:20px;font-weight:700;font-variant-numeric:tabular-nums}
.figure-label{color:var(--muted);font-size:12px}
table{border-collapse:collapse;width:100%;font-size:13px}
caption{text-align:left;color:var(--muted);font-size:12px;padding:0 0 6px}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
thead th{font-size:12px;color:var(--muted);font-weight:600;border-bottom:2px solid var(--line);white-space:nowrap}
tbody th{font-weight:600}
.table-wrap{overflow-x:auto}
.bar{display:inline-block;vertical-align:middle;width:110px;height:10px;background:var(--soft);border:1px solid var(--line);border-radius:5px;overflow:hidden}
.bar .fill{display:block;height:100%;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.fill.neutral{background:var(--accent)}.fill.muted{background:#9aa8b6}.fill.good{background:var(--good)}.fill.warn{background:var(--warn)}.fill.bad{background:var(--bad)}
.dims .bar{width:100%}.dims .dim-bar{width:40%}
.dims .basis{color:var(--muted);font-size:12px}
.top-fixes{padding-left:20px;margin:0}
.top-fixes li{margin-bottom:10px}
.fix-message{margin:0;font-weight:500}
.fix-meta{margin:2px 0 0;font-size:12px;color:var(--muted)}
.gain{color:var(--good);font-weight:600}
.sev{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;border-radius:4px;padding:0 6px;color:#fff}
.sev.high{background:var(--bad)}.sev.medium{background:var(--warn)}.sev.low{background:var(--muted)}
.tag{display:inline-block;font-size:11px;border:1px solid var(--line);border-radius:4px;padding:0 5px;color:var(--muted);background:var(--paper)}
.tag.warn{color:var(--warn);border-color:var(--warn)}
.warn-text{color:var(--bad)}
.graph-figure{margin:8px 0 0}
svg.graph{width:100%;height:auto;display:block;background:var(--paper)}
.node rect{fill:var(--paper);stroke:#8795a3;stroke-width:1.5}
.node.hub rect{fill:var(--accent-soft);stroke:var(--accent);stroke-width:3}
.node.unreachable rect{fill:var(--bad-soft);stroke:var(--bad);stroke-dasharray:6 4}
.node-name{font-size:13px;font-weight:700;fill:var(--ink)}
.node-detail{font-size:11px;fill:var(--muted)}
.node.unreachable .node-detail{fill:var(--bad)}
.edge path,.loop path{fill:none;stroke:var(--accent);stroke-opacity:.55}
.edge-label{font-size:11px;fill:var(--ink)}
.edge-label-bg{fill:var(--paper);fill-opacity:.92;stroke:var(--line)}
.edge-rates{fill:var(--muted)}
.edge-badge{fill:var(--paper);stroke:var(--accent);stroke-width:1.5}
.edge-badge-text{font-size:11px;font-weight:700;fill:var(--accent)}
.legend{font-size:12px;color:var(--muted);margin-top:6px}
.swatch{display:inline-block;width:14px;height:10px;border-radius:3px;vertical-align:middle;margin-left:10px;border:1.5px solid #8795a3}
.swatch.hub{background:var(--accent-soft);border:2.5px solid var(--accent)}
.swatch.unreachable{background:var(--bad-soft);border:1.5px dashed var(--bad)}
.swatch-line{display:inline-block;width:22px;height:0;border-top:3px solid var(--accent);opacity:.55;vertical-align:middle;margin-left:10px}
.join-list li{margin:2px 0}
.stitch-headline{font-size:15px}
.big-number{font-size:30px;font-weight:700;margin-right:6px;font-variant-numeric:tabular-nums}
.chip{display:inline-block;background:var(--accent-soft);color:var(--ink);border-radius:10px;padding:0 8px;font-size:12px;font-weight:500;overflow-wrap:anywhere}
.overlap-label{font-weight:400}
.overlaps .bar,.linkage .bar{width:100%;max-width:220px}
.overlap-bar{width:35%}
.share-bar{white-space:nowrap}.share-bar .bar{width:100px}
.joins td{font-size:12.5px}
.joins td:nth-child(2),.joins td:nth-child(3){min-width:120px;max-width:220px}
.joins td:nth-child(4){min-width:150px;max-width:240px}
.joins code{overflow-wrap:break-word}
.joins tr:first-child td{border-bottom:0;padding-bottom:2px}
.joins .explanation{color:var(--muted);padding-top:0}
.joins tbody.rejected td{color:var(--muted)}
.joins tbody{break-inside:avoid}
.status{font-size:11px;font-weight:700;border-radius:4px;padding:1px 6px;white-space:nowrap}
.status.ok{background:#e3f1e8;color:var(--good)}.status.no{background:var(--soft);color:var(--muted)}
.facts{display:flex;flex-wrap:wrap;gap:6px 28px;margin:4px 0 10px}
.facts div{display:flex;gap:6px}.facts dt{color:var(--muted)}.facts dd{margin:0;font-weight:500}
.ds-name{overflow-wrap:anywhere}
.ds-score{font-size:13px;font-weight:600;margin-left:8px;white-space:nowrap}
.issues{font-size:13px;margin:4px 0 10px}
.null-cell{white-space:nowrap}.null-cell .bar{width:70px}
.examples{max-width:420px}
.example{display:inline-block;margin:0 4px 3px 0;max-width:100%}
.findings{list-style:none;padding:0;margin:0}
.finding{border:1px solid var(--line);border-left:4px solid var(--muted);border-radius:6px;padding:10px 14px;margin-bottom:10px;break-inside:avoid}
.finding.sev-high{border-left-color:var(--bad)}.finding.sev-medium{border-left-color:var(--warn)}
.finding-head{margin:0 0 4px}
.finding-message{font-weight:500}
.label{display:inline-block;min-width:76px;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.impact,.evidence{font-size:13px}
footer{color:var(--muted);font-size:12px;text-align:center;margin-top:8px}
@media print{
body{background:#fff;font-size:11px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
header.top{border:0;margin-bottom:8px}
nav.toc{display:none}
main{max-width:none;padding:0}
section{border:0;border-radius:0;padding:0;margin:0 0 16px}
section#graph,section#stitch,.finding,tr{break-inside:avoid}
h2{break-after:avoid}
.table-wrap{overflow:visible}
}
`;
