/**
 * Screenshot rendering: LabMate's renderer against headless Chromium drawing the same content as HTML,
 * both measured in this run. Prints the ratio and the memory after 100 images.
 *
 *   npm run bench:render            (needs /usr/bin/chromium)
 */
import { chromium } from 'playwright-core';
import { planScreenshots, renderScreenshots, type ScreenshotPlan } from '../src/render/index.js';
import type { Cell } from '../src/render/text-grid.js';
import { PYTHON_30 } from '../test/render/samples.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WARMUP = 3;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const MEMORY_IMAGES = 100;

const hex = (color: number): string => `#${color.toString(16).padStart(6, '0')}`;
const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rowHtml(cells: Cell[]): string {
  return cells.map((cell) => `<span style="color:${hex(cell.color)}${cell.bold ? ';font-weight:bold' : ''}">${escape(cell.char)}</span>`).join('');
}

/** The same screenshot as a page: two windows with title and menu bars, the highlighted code and the shell transcript. */
function planToHtml(plan: ScreenshotPlan): string {
  const page = plan.pages[0]!;
  const code = (page.content.codeRows ?? []).map((row) => `<div class="row">${rowHtml(row.cells)}</div>`).join('');
  const shell = (page.content.consoleRows ?? []).map((row) => `<div class="row">${rowHtml(row)}</div>`).join('');
  const window = (title: string, menu: string, body: string, status: string): string =>
    `<div class="win"><div class="title"><i></i>${escape(title)}<b>&#x2014; &#x2610; &#x2715;</b></div><div class="menu">${menu}</div><div class="body">${body}</div><div class="status">${status}</div></div>`;
  return `<!doctype html><html><head><style>
    body{margin:0;background:#dfe3e8;font:12px "Liberation Sans",sans-serif}
    .sheet{padding:14px;display:inline-block}
    .win{border:1px solid #8c8c8c;background:#fff;margin-bottom:14px;width:${page.ctx.columns * 8 + 14}px}
    .title{height:30px;line-height:30px;padding-left:32px;position:relative}
    .title i{position:absolute;left:9px;top:8px;width:14px;height:14px;background:linear-gradient(135deg,#3776ab 50%,#ffd43b 50%)}
    .title b{position:absolute;right:16px;font-weight:normal;letter-spacing:30px}
    .menu{height:20px;line-height:20px;padding-left:8px;word-spacing:14px;border-bottom:1px solid #f0f0f0}
    .body{padding:4px 8px 6px 6px;font:13px/16px "Liberation Mono",monospace;white-space:pre}
    .row{height:16px}
    .status{height:22px;line-height:22px;background:#f0f0f0;border-top:1px solid #d9d9d9;text-align:right;padding-right:12px;font-size:11px}
  </style></head><body><div class="sheet">${window(`${page.ctx.file} - ${page.ctx.file}`, 'File Edit Format Run Options Window Help', code, `Ln: ${page.ctx.lineCount} Col: 0`)}${window('IDLE Shell', 'File Edit Shell Debug Options Window Help', shell, 'Ln: 1 Col: 4')}</div></body></html>`;
}

async function measureChromium(html: string): Promise<{ launchMs: number; perImageMs: number; bytes: number }> {
  const launchStart = performance.now();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ deviceScaleFactor: 2, viewport: { width: 900, height: 600 } });
  const launchMs = performance.now() - launchStart;
  try {
    let bytes = 0;
    const shot = async (): Promise<void> => {
      await page.setContent(html);
      bytes = (await page.screenshot({ fullPage: true, type: 'png' })).length;
    };
    for (let i = 0; i < WARMUP; i++) await shot();
    const start = performance.now();
    for (let i = 0; i < ROUNDS; i++) await shot();
    return { launchMs, perImageMs: (performance.now() - start) / ROUNDS, bytes };
  } finally {
    await browser.close();
  }
}

function measureLabmate(): { firstMs: number; perImageMs: number; bytes: number } {
  const firstStart = performance.now();
  renderScreenshots(PYTHON_30);
  const firstMs = performance.now() - firstStart;
  for (let i = 0; i < WARMUP; i++) renderScreenshots(PYTHON_30);
  let bytes = 0;
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) bytes = renderScreenshots(PYTHON_30)[0]!.length;
  return { firstMs, perImageMs: (performance.now() - start) / ROUNDS, bytes };
}

/** Renders 100 different images (the code changes each time) and reports the peak resident memory. */
function measureMemory(): number {
  let peak = process.memoryUsage().rss;
  for (let i = 0; i < MEMORY_IMAGES; i++) {
    renderScreenshots({ ...PYTHON_30, code: `${PYTHON_30.code}\n# variant ${i}`, theme: (['idle', 'vscode-dark', 'codeblocks', 'notepad', 'terminal', 'vscode-light'] as const)[i % 6] });
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return peak;
}

const labmate = measureLabmate();
// Before Chromium, so the playwright client's own memory is not counted against the renderer.
const peakRss = measureMemory();
const chromiumResult = await measureChromium(planToHtml(planScreenshots(PYTHON_30)));
const ratio = chromiumResult.perImageMs / labmate.perImageMs;
const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

process.stdout.write(
  [
    `render: 30-line Python program, 10 lines of output, 2x, ${ROUNDS} rounds each`,
    `  chromium  ${chromiumResult.perImageMs.toFixed(1)} ms/image (launch ${Math.round(chromiumResult.launchMs)} ms, ${Math.round(chromiumResult.bytes / 1024)} KB)`,
    `  labmate   ${labmate.perImageMs.toFixed(1)} ms/image (first image ${Math.round(labmate.firstMs)} ms incl. fonts and grammars, ${Math.round(labmate.bytes / 1024)} KB)`,
    `  ratio     ${ratio.toFixed(1)}x faster than headless Chromium (target >= 10x)`,
    `  memory    peak RSS ${mb(peakRss)} MB over ${MEMORY_IMAGES} images (target < 300 MB)`,
    JSON.stringify({ chromiumMsPerImage: chromiumResult.perImageMs, labmateMsPerImage: labmate.perImageMs, ratio, peakRssMB: mb(peakRss) }),
  ].join('\n') + '\n',
);
