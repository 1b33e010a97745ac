import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/model';
import { renderHtml } from '../../src/report/html/index';
import { HOSTILE, hostileReport, sampleReport } from '../helpers/sample-report';

/** Debian's chromium (CI installs it in .ci/run); playwright's own browser downloads are not used. */
function findChromium(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
}

const CHROMIUM = findChromium();
const MISSING = "chromium not found: install Debian's chromium package (.ci/run does), or set CHROMIUM_PATH";
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
if (CHROMIUM === undefined) console.warn(`tests/report/html-browser.test.ts SKIPPED: ${MISSING}`);

/** The few browser globals the page-side callbacks use (the project compiles without the DOM lib). */
interface PageGlobals {
  __calls: string[];
  alert: (...args: unknown[]) => null;
  confirm: (...args: unknown[]) => null;
  prompt: (...args: unknown[]) => null;
  document: { querySelectorAll(selector: string): ArrayLike<{ tagName: string; attributes: ArrayLike<{ name: string }> }> };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Everything the page did that a self-contained, script-free report must never do. */
interface Opened {
  page: Page;
  requests: string[];
  failed: string[];
  errors: string[];
  dialogs: string[];
}

describe.skipIf(CHROMIUM === undefined)(CHROMIUM === undefined ? `renderHtml in headless Chromium (SKIPPED: ${MISSING})` : 'renderHtml in headless Chromium', { timeout: 60_000 }, () => {
  let browser: Browser;
  let dir: string;
  let sample: ScanReport;
  let hostile: ScanReport;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stitchscan-html-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    [sample, hostile] = await Promise.all([sampleReport(), hostileReport()]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, page: string): Promise<Opened> {
    const file = join(dir, name);
    writeFileSync(file, page);
    const url = pathToFileURL(file).href;
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const opened: Opened = { page: p, requests: [], failed: [], errors: [], dialogs: [] };
    p.on('request', (r) => {
      if (r.url() !== url) opened.requests.push(r.url());
    });
    p.on('requestfailed', (r) => opened.failed.push(`${r.url()}: ${r.failure()?.errorText ?? ''}`));
    p.on('console', (m) => {
      if (m.type() === 'error') opened.errors.push(m.text());
    });
    p.on('pageerror', (e) => opened.errors.push(e.message));
    p.on('dialog', async (d) => {
      opened.dialogs.push(d.message());
      await d.dismiss();
    });
    // the report has no script, so nothing may ever call these
    await p.addInitScript(() => {
      const w = globalThis as unknown as PageGlobals;
      w.__calls = [];
      for (const name of ['alert', 'confirm', 'prompt'] as const) {
        w[name] = (...args: unknown[]) => {
          w.__calls.push(`${name}(${args.map(String).join(', ')})`);
          return null;
        };
      }
    });
    await p.goto(url, { waitUntil: 'load' });
    return opened;
  }

  async function expectQuiet(o: Opened): Promise<void> {
    expect(o.requests, 'requests other than the file itself').toEqual([]);
    expect(o.failed, 'failed requests').toEqual([]);
    expect(o.errors, 'console errors and page errors').toEqual([]);
    expect(o.dialogs, 'dialogs').toEqual([]);
    expect(await o.page.evaluate(() => (globalThis as unknown as PageGlobals).__calls)).toEqual([]);
    expect(await o.page.locator('script, img, iframe, object, embed, link, b').count()).toBe(0);
    // no element carries an event handler (an injected onmouseover, onerror...)
    const handlers = await o.page.evaluate(() =>
      Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('*')).flatMap((el) =>
        Array.from(el.attributes)
          .filter((a) => a.name.startsWith('on'))
          .map((a) => `${el.tagName} ${a.name}`),
      ),
    );
    expect(handlers).toEqual([]);
  }

  it('shows hostile names and values as text, runs nothing and loads nothing', async () => {
    const o = await open('hostile.html', renderHtml(hostile));
    await expectQuiet(o);
    const heading = o.page.locator('section.dataset h3 .ds-name').first();
    await expect.poll(() => heading.textContent()).toBe(`crm ${HOSTILE}`);
    expect(await heading.isVisible()).toBe(true);
    const column = o.page.locator('table.columns th.col-name', { hasText: HOSTILE });
    expect(await column.count()).toBe(1);
    expect(await column.textContent()).toBe(HOSTILE);
    expect(await column.isVisible()).toBe(true);
    expect(await o.page.locator('table.columns code.example', { hasText: `${HOSTILE}0` }).count()).toBe(1);
    expect(await o.page.locator('section.dataset h3 .ds-name').nth(1).textContent()).toBe('list & <b>bold</b>');
    expect(await o.page.locator('svg.graph g.node').count()).toBe(hostile.datasets.length);
    expect(await o.page.locator('svg.graph g.node text.node-name').first().textContent()).toContain('crm <script>');
    expect(await o.page.locator('#findings .finding-fix').textContent()).toContain(`Remove ${HOSTILE} & "quoted" 'values'.`);
    const csp = await o.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    await o.page.screenshot({ path: join(ARTIFACTS, 'report-hostile.png'), fullPage: true });
    await o.page.close();
  });

  it('renders the sample report with its graph, loads nothing, and saves a screenshot', async () => {
    const page = renderHtml(sample);
    const o = await open('sample.html', page);
    await expectQuiet(o);
    const nodes = o.page.locator('svg.graph g.node');
    expect(await nodes.count()).toBe(sample.datasets.length);
    expect(await nodes.locator('text.node-name').allTextContents()).toEqual(sample.datasets.map((d) => d.name));
    const accepted = sample.joins.filter((j) => j.accepted && !j.selfJoin);
    expect(await o.page.locator('svg.graph g.edge').count()).toBe(accepted.length);
    expect(await o.page.locator('svg.graph g.edge path').first().getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+ Q/);
    // node boxes are laid out apart, and every node is drawn at a real size
    const boxes = await nodes.locator('rect').evaluateAll((rects) => rects.map((r) => (r as unknown as { getBBox(): Box }).getBBox()).map((b) => ({ x: b.x, y: b.y, w: b.width, h: b.height })));
    for (const [i, a] of boxes.entries()) {
      expect(a.w).toBeGreaterThan(0);
      for (const b of boxes.slice(i + 1)) expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
    }
    expect(await o.page.locator('#summary .gauge-score').textContent()).toBe('71.4');
    expect(await o.page.locator('#summary .top-fixes li').count()).toBe(3);
    expect(await o.page.locator('#stitch .big-number').textContent()).toBe(sample.graph.stitch.unifiedProfiles.toLocaleString('en-US'));
    expect(await o.page.locator('table.columns').count()).toBe(sample.datasets.length);
    writeFileSync(join(ARTIFACTS, 'report.html'), page);
    await o.page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    // a PNG header alone is 67 bytes: a full-page screenshot of the report is far larger
    expect(statSync(join(ARTIFACTS, 'report.png')).size).toBeGreaterThan(10_000);
    await o.page.close();
  });
});
