import JSZip from 'jszip';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireArtifacts } from '../../src/maintenance/expire-artifacts.js';
import { buildDocx } from '../fixtures/docx-builder.js';
import { hasChromium, loadAxe, newTestContext, openStudentPage, pageWidth, PHONE, seriousViolations, shoot, startWebApp, uploadInBrowser, type BrowserApp } from '../helpers/browser.js';

const DAY_MS = 24 * 60 * 60_000;

describe.skipIf(!hasChromium)('the workspace history in Chromium: earlier runs and reports, the screenshot switch, re-detecting tasks', { timeout: 300_000 }, () => {
  let app: BrowserApp;
  let browser: Browser;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let workspace: string;
  let consoleProblems: string[] = [];

  const tasks = () => page.getByRole('list', { name: 'Tasks' }).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
  const program = () => tasks().filter({ hasText: 'prints a greeting' });
  const runItems = () => page.getByRole('list', { name: 'Earlier runs' }).getByRole('listitem');
  const reportItems = () => page.getByRole('list', { name: 'Earlier reports' }).getByRole('listitem');

  /** Runs every task and waits until the history lists the finished run on top: by then the results shown are final. */
  async function runAll(runsBefore: number): Promise<void> {
    await page.getByRole('button', { name: 'Run all' }).click();
    await expect.poll(() => runItems().count(), { timeout: 120_000 }).toBe(runsBefore + 1);
    await runItems().first().locator('.badge', { hasText: 'succeeded' }).first().waitFor({ timeout: 120_000 });
  }

  function screenshotsIn(card: Locator): Locator {
    return card.getByRole('region', { name: /^Result of/ }).getByRole('img');
  }

  beforeAll(async () => {
    app = await startWebApp();
    ({ browser, base } = app);
    ({ context, page, consoleProblems } = await openStudentPage(browser, base, { name: 'Hana History', email: 'hana@example.com' }, { acceptDownloads: true }));
    const docx = await buildDocx([
      { text: 'Lab 2: Output', style: 'Heading1' },
      { text: 'Q1. Write a program that prints a greeting.' },
      { text: 'print("hello from lab 2")', font: 'Courier New' },
      { text: 'Q2. What is a compiler?' },
    ]);
    workspace = await uploadInBrowser(page, base, 'Lab 2.docx', docx);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists two earlier runs and a report, and downloads the report again from the history', async () => {
    const toggle = page.getByRole('button', { name: 'Earlier runs and reports' });
    await toggle.click();
    await page.getByText('No runs yet.').waitFor();
    await page.getByText('No reports yet.').waitFor();

    await runAll(0);
    await runAll(1);
    expect(await runItems().first().textContent()).toContain('1 ok');
    expect(await runItems().first().textContent()).toContain('1 skipped');
    expect(await runItems().first().textContent()).toContain('Shown in the tasks');
    expect(await screenshotsIn(program()).count()).toBe(1);

    await page.getByRole('checkbox', { name: 'Also make a PDF' }).uncheck({ timeout: 1000 }).catch(() => undefined);
    await page.getByRole('button', { name: 'Compose report' }).click();
    await page.getByRole('link', { name: 'Download DOCX' }).waitFor({ timeout: 120_000 });
    await expect.poll(() => reportItems().count()).toBe(1);
    const fromHistory = reportItems().first().getByRole('link', { name: /^Download the report of .+ as DOCX$/ });
    const [download] = await Promise.all([page.waitForEvent('download'), fromHistory.click()]);
    expect(download.suggestedFilename()).toBe('Lab 2_report.docx');
    const zip = await JSZip.loadAsync(await readFile((await download.path()) ?? ''));
    expect(Object.keys(zip.files).filter((name) => /^word\/media\/.+\.png$/.test(name)).length).toBeGreaterThan(0);

    // The assignments page offers the newest report too.
    await page.goto(`${base}/assignments`);
    const last = page.getByRole('link', { name: /^Download report of Lab 2\.docx/ });
    const [again] = await Promise.all([page.waitForEvent('download'), last.click()]);
    expect(again.suggestedFilename()).toBe('Lab 2_report.docx');
    await shoot(page, 'assignments-report');

    // Coming back to the assignment (no run in the address) shows the newest run's results under the tasks.
    await page.goto(workspace);
    await page.getByRole('heading', { level: 1, name: 'Lab 2.docx' }).waitFor();
    await screenshotsIn(program()).first().waitFor();
    expect(await program().getByRole('region', { name: /^Result of/ }).getByLabel(/^Output of/).textContent()).toBe('hello from lab 2\n');
  });

  it('stores the screenshot switch on the task: it survives a reload, and the next run makes no screenshot of it', async () => {
    const switchOf = () => program().getByRole('checkbox', { name: /^Screenshots when it runs/ });
    expect(await switchOf().isChecked()).toBe(true);
    await switchOf().uncheck();
    await expect.poll(() => switchOf().isEnabled()).toBe(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Lab 2.docx' }).waitFor();
    expect(await switchOf().isChecked()).toBe(false);

    await page.getByRole('button', { name: 'Earlier runs and reports' }).click();
    await expect.poll(() => runItems().count()).toBe(2);
    await runAll(2);
    const result = program().getByRole('region', { name: /^Result of/ });
    expect(await result.getByLabel(/^Output of/).textContent()).toBe('hello from lab 2\n');
    expect(await screenshotsIn(program()).count()).toBe(0);

    // The earlier run's results still have the screenshot it made.
    await runItems().nth(1).getByRole('button', { name: /^Show results of the run of/ }).click();
    await runItems().nth(1).getByText('Shown in the tasks').waitFor();
    await screenshotsIn(program()).first().waitFor();
  });

  it('says plainly when a run’s screenshots were deleted for age; looks right at 1280 and 375 px with no serious axe findings', async () => {
    const { db } = app.t.database.handle;
    const oldest = await db.selectFrom('runs').select('id').orderBy('queued_at', 'asc').executeTakeFirstOrThrow();
    await db.updateTable('runs').set({ finished_at: new Date(Date.now() - 40 * DAY_MS).toISOString() }).where('id', '=', oldest.id).execute();
    expect(await expireArtifacts({ db, blobs: app.t.app.labmate.blobs, clock: () => new Date() }, 30)).toBe(1);

    await page.goto(workspace);
    await page.getByRole('button', { name: 'Earlier runs and reports' }).click();
    await expect.poll(() => runItems().count()).toBe(3);
    const expired = runItems().last();
    expect(await expired.textContent()).toContain('Screenshots deleted');
    expect(await runItems().first().textContent()).not.toContain('Screenshots deleted');
    await expired.getByRole('button', { name: /^Show results of the run of/ }).click();
    await page.locator('.run-status').getByText(/screenshots and files were deleted for age/).waitFor();
    await program().getByLabel(/^Output of/).waitFor();
    expect(await screenshotsIn(program()).count()).toBe(0);
    await shoot(page, 'workspace-history');

    const phone = await newTestContext(browser, { viewport: PHONE, storageState: await context.storageState() });
    const small = await phone.newPage();
    await small.goto(page.url());
    await small.getByRole('button', { name: 'Earlier runs and reports' }).click();
    await small.getByRole('list', { name: 'Earlier reports' }).waitFor();
    const width = await pageWidth(small);
    expect(width).toBeLessThanOrEqual(375);
    await shoot(small, 'workspace-history');
    await small.goto(`${base}/assignments`);
    await small.getByRole('link', { name: /^Download report of/ }).waitFor();
    await shoot(small, 'assignments-report');
    await phone.close();

    const scan = await newTestContext(browser, { storageState: await context.storageState(), bypassCSP: true });
    const scanned = await scan.newPage();
    await scanned.goto(page.url());
    await scanned.getByRole('button', { name: 'Earlier runs and reports' }).click();
    await scanned.getByRole('list', { name: 'Earlier reports' }).waitFor();
    await scanned.getByRole('list', { name: 'Earlier runs' }).waitFor();
    const axe = await loadAxe();
    const problems = await seriousViolations(scanned, axe);
    await scanned.goto(`${base}/assignments`);
    await scanned.getByRole('link', { name: /^Download report of/ }).waitFor();
    problems.push(...(await seriousViolations(scanned, axe)));
    await scan.close();
    expect(problems).toEqual([]);
  });

  it('re-detects the tasks after a confirmation that says what is lost, keeping the history', async () => {
    await page.goto(workspace);
    await page.getByRole('button', { name: 'Re-detect tasks' }).click();
    const dialog = page.getByRole('dialog', { name: 'Re-detect the tasks?' });
    await dialog.getByText(/tasks you added, your edits/).waitFor();
    await shoot(page, 'reparse-dialog');
    await dialog.getByRole('button', { name: 'Replace the tasks' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The new tasks start from the document again: the screenshot switch is back on.
    await expect.poll(() => program().getByRole('checkbox', { name: /^Screenshots when it runs/ }).isChecked()).toBe(true);
    expect(await tasks().count()).toBe(2);
    await page.getByRole('button', { name: 'Earlier runs and reports' }).click();
    await expect.poll(() => runItems().count()).toBe(3);
    expect(consoleProblems).toEqual([]);
  });
});
