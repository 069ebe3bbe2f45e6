import JSZip from 'jszip';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../fixtures/docx-builder.js';
import { FOUR_PROGRAMS } from '../fixtures/report-lab.js';
import { focused, hasChromium, loadAxe, newTestContext, openStudentPage, pageWidth, PHONE, seriousViolations, shoot, startWebApp, uploadInBrowser, type BrowserApp } from '../helpers/browser.js';

interface ReportItem {
  taskId: string;
  label: string;
  pictures: Array<{ id: string }>;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Presses Tab until the element has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, most = 300): Promise<void> {
  for (let presses = 0; presses < most; presses++) {
    if (await focused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** The report section of the workspace. */
function reportSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Report', exact: true });
}

/** The names of the report's items as listed, in order. */
function itemNames(page: Page): Promise<string[]> {
  return reportSection(page).locator('[data-item-id] strong').allTextContents();
}

function handle(page: Page, name: string): Locator {
  return page.getByRole('button', { name: `Reorder ${name}` });
}

/** The pictures of the composed DOCX, in the order the document shows them, as hashes of their bytes. */
async function picturesInOrder(zip: JSZip): Promise<string[]> {
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((match) => [match[1], match[2]]));
  return Promise.all(
    [...xml.matchAll(/r:embed="([^"]+)"/g)].map(async (match) => sha256((await zip.file(`word/${targets.get(match[1])}`)?.async('uint8array')) ?? new Uint8Array())),
  );
}

describe.skipIf(!hasChromium)('arranging the report in Chromium', { timeout: 300_000 }, () => {
  let app: BrowserApp;
  let browser: Browser;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let workspace: string;
  let items: ReportItem[];
  let problems: string[] = [];

  beforeAll(async () => {
    app = await startWebApp();
    ({ browser, base } = app);
    ({ context, page, consoleProblems: problems } = await openStudentPage(browser, base, { name: 'Kim Keyboard', email: 'kim@example.com' }, { acceptDownloads: true }));
    await uploadInBrowser(page, base, 'Lab 4.docx', await buildDocx([{ text: 'Lab 4: output', style: 'Heading1' }, ...FOUR_PROGRAMS]));
    await page.getByRole('button', { name: 'Run all' }).click();
    await page.getByText(/^Run (succeeded|failed)$/).waitFor({ timeout: 180_000 });
    await reportSection(page).locator('[data-item-id]').nth(3).waitFor();
    expect(await itemNames(page)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    workspace = page.url();
    const id = new URL(workspace).pathname.split('/').pop();
    items = ((await (await page.request.get(`${base}/api/v1/assignments/${id}/report-items`)).json()) as { items: ReportItem[] }).items;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('reorders, removes and includes by keyboard alone, and the downloaded DOCX follows that arrangement', async () => {
    const report = reportSection(page);
    await report.getByText('Left out: its run failed.').waitFor();
    await page.locator('body').focus();

    await tabTo(page, report.getByRole('radio', { name: 'Below each question' }));
    await page.keyboard.press('ArrowDown');
    expect(await report.getByRole('radio', { name: 'In a section at the end' }).isChecked()).toBe(true);
    await tabTo(page, handle(page, 'Q4'));
    await page.keyboard.press('Space');
    await expect.poll(() => handle(page, 'Q4').getAttribute('aria-pressed')).toBe('true');
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowUp');
    await expect.poll(() => itemNames(page)).toEqual(['Q4', 'Q1', 'Q2', 'Q3']);
    expect(await focused(handle(page, 'Q4'))).toBe(true);
    await page.getByTestId('announcer').filter({ hasText: 'Q4 moved to position 1 of 4.' }).waitFor();
    await shoot(page, 'report-lifted', report);
    await page.keyboard.press('Space');
    await page.getByTestId('announcer').filter({ hasText: 'Q4 dropped at position 1 of 4.' }).waitFor();
    expect(await focused(handle(page, 'Q4'))).toBe(true);

    await tabTo(page, report.getByRole('button', { name: 'Remove Q2' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => itemNames(page)).toEqual(['Q4', 'Q1', 'Q3']);
    await report.getByRole('region', { name: 'Removed (1)' }).getByRole('button', { name: 'Restore Q2' }).waitFor();
    expect(await focused(handle(page, 'Q3'))).toBe(true);

    await tabTo(page, report.getByRole('checkbox', { name: 'Include anyway Q3' }));
    await page.keyboard.press('Space');
    await report.getByText('Included although its run failed.').waitFor();
    await tabTo(page, report.getByRole('textbox', { name: 'File name' }));
    await page.keyboard.type('Lab 4 arranged');
    const pdf = report.getByRole('checkbox', { name: 'Also make a PDF' });
    if (await pdf.count()) {
      await tabTo(page, pdf);
      await page.keyboard.press('Space');
    }
    await shoot(page, 'report-arranged', report);

    await tabTo(page, report.getByRole('button', { name: 'Compose report' }));
    const composing = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/reports'));
    await page.keyboard.press('Enter');
    const ids = (label: string) => items.find((item) => item.label === label)?.taskId;
    expect((await composing).postDataJSON()).toEqual({ order: [ids('Q4'), ids('Q1'), ids('Q3')], removed: [ids('Q2')], placement: 'end', pdf: false, includeFailed: [ids('Q3')], fileName: 'Lab 4 arranged' });
    const link = report.getByRole('link', { name: 'Download DOCX' });
    await link.waitFor({ timeout: 120_000 });
    await expect.poll(() => focused(link)).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('Lab 4 arranged.docx');
    const zip = await JSZip.loadAsync(await readFile((await download.path()) ?? ''));

    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const captions = [...xml.matchAll(/>(Q\d — [^<]+)<\/w:t>/g)].map((match) => match[1]);
    expect(captions).toEqual(['Q4 — output', 'Q1 — output', 'Q3 — failed (runtime error)']);
    const expected = await Promise.all(
      ['Q4', 'Q1', 'Q3'].map(async (label) => {
        const picture = items.find((item) => item.label === label)?.pictures[0]?.id;
        return sha256(await (await page.request.get(`${base}/api/v1/artifacts/${picture}`)).body());
      }),
    );
    expect(await picturesInOrder(zip)).toEqual(expected);
    await shoot(page, 'report-composed', report);
    expect(problems).toEqual([]);
  });

  it('after a reload, arranges the report as last composed: same order, same removed item, same file name', async () => {
    await page.reload();
    const report = reportSection(page);
    await expect.poll(() => itemNames(page)).toEqual(['Q4', 'Q1', 'Q3']);
    await report.getByRole('region', { name: 'Removed (1)' }).getByRole('button', { name: 'Restore Q2' }).waitFor();
    expect(await report.getByRole('textbox', { name: 'File name' }).inputValue()).toBe('Lab 4 arranged');
    expect(await report.getByRole('radio', { name: 'In a section at the end' }).isChecked()).toBe(true);
    expect(await report.getByRole('checkbox', { name: 'Include anyway Q3' }).isChecked()).toBe(true);
    await report.getByText(/^Arranged as in your last report \(.+\)\.$/).waitFor();
    await shoot(page, 'report-restored', report);

    await report.getByRole('button', { name: 'Back to document order' }).click();
    await expect.poll(() => itemNames(page)).toEqual(['Q1', 'Q3', 'Q4']);
    expect(await report.getByText(/^Arranged as in your last report/).count()).toBe(0);
    await report.getByRole('button', { name: 'Restore Q2' }).click();
    await expect.poll(() => itemNames(page)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    await report.getByRole('checkbox', { name: 'Include anyway Q3' }).uncheck();
    expect(problems).toEqual([]);
  });

  it('reorders by dragging a handle with the mouse, and composes in that order', async () => {
    await expect.poll(() => itemNames(page)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    // The mouse acts on what is on screen: bring the whole list into view first.
    await reportSection(page).locator('[data-item-id]').first().evaluate((element) => (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'start' }));
    const from = await handle(page, 'Q3').boundingBox();
    const to = await reportSection(page).locator('[data-item-id]').first().boundingBox();
    if (!from || !to) throw new Error('the items are not on screen');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, to.y + 4, { steps: 12 });
    await expect.poll(() => reportSection(page).locator('.report-item.lifted strong').textContent()).toBe('Q3');
    await page.mouse.up();
    await expect.poll(() => itemNames(page)).toEqual(['Q3', 'Q1', 'Q2', 'Q4']);
    await page.getByTestId('announcer').filter({ hasText: 'Q3 moved to position 1 of 4.' }).waitFor();

    await handle(page, 'Q4').dragTo(reportSection(page).locator('[data-item-id]').nth(1), { targetPosition: { x: 20, y: 2 } });
    await expect.poll(() => itemNames(page)).toEqual(['Q3', 'Q4', 'Q1', 'Q2']);

    await reportSection(page).getByRole('button', { name: 'Back to document order' }).click();
    await expect.poll(() => itemNames(page)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, to.y + 4, { steps: 12 });
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await expect.poll(() => itemNames(page)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);

    await handle(page, 'Q2').dragTo(reportSection(page).locator('[data-item-id]').first(), { targetPosition: { x: 20, y: 2 } });
    await expect.poll(() => itemNames(page)).toEqual(['Q2', 'Q1', 'Q3', 'Q4']);
    const composing = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/reports'));
    await page.getByRole('checkbox', { name: 'Also make a PDF' }).uncheck({ timeout: 1000 }).catch(() => undefined);
    await reportSection(page).getByRole('button', { name: 'Compose report' }).click();
    const ids = (label: string) => items.find((item) => item.label === label)?.taskId;
    expect((await composing).postDataJSON()).toMatchObject({ order: [ids('Q2'), ids('Q1'), ids('Q3'), ids('Q4')], removed: [], includeFailed: [] });
    await reportSection(page).getByRole('link', { name: 'Download DOCX' }).waitFor({ timeout: 120_000 });
  });

  it('fits a phone screen and has no serious or critical accessibility problems (axe-core)', async () => {
    const axe = await loadAxe();
    const phone = await newTestContext(browser, { viewport: PHONE, storageState: await context.storageState(), bypassCSP: true });
    const small = await phone.newPage();
    await small.goto(workspace);
    // Arranged as the last report (composed by the mouse test above).
    await expect.poll(() => itemNames(small), { timeout: 30_000 }).toEqual(['Q2', 'Q1', 'Q3', 'Q4']);
    await reportSection(small).getByRole('button', { name: 'Remove Q2' }).click();
    await reportSection(small).getByRole('button', { name: 'Move up Q4' }).click();
    await expect.poll(() => itemNames(small)).toEqual(['Q1', 'Q4', 'Q3']);
    const width = await pageWidth(small);
    expect(width).toBeLessThanOrEqual(375);
    await shoot(small, 'report-arranged', reportSection(small));
    expect(await seriousViolations(small, axe)).toEqual([]);
    await phone.close();

    const wide = await newTestContext(browser, { storageState: await context.storageState(), bypassCSP: true });
    const scanned = await wide.newPage();
    await scanned.goto(workspace);
    await expect.poll(() => itemNames(scanned), { timeout: 30_000 }).toEqual(['Q2', 'Q1', 'Q3', 'Q4']);
    await reportSection(scanned).getByRole('button', { name: 'Remove Q1' }).click();
    await handle(scanned, 'Q4').focus();
    await scanned.keyboard.press('Enter');
    expect(await seriousViolations(scanned, axe)).toEqual([]);
    await wide.close();
  });
});
