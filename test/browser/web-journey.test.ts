import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../fixtures/docx-builder.js';
import { DOCX_TYPE, focused, hasChromium, loadAxe, newTestContext, pageWidth, PHONE, seriousViolations, shoot, startWebApp, watchConsole, type BrowserApp } from '../helpers/browser.js';

describe.skipIf(!hasChromium)('the web app in Chromium, from sign-up to the downloaded report', { timeout: 240_000 }, () => {
  let app: BrowserApp;
  let browser: Browser;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let consoleProblems: string[] = [];

  beforeAll(async () => {
    app = await startWebApp();
    ({ browser, base } = app);
    context = await newTestContext(browser, { acceptDownloads: true });
    page = await context.newPage();
    consoleProblems = watchConsole(page);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('signs up, uploads, edits, runs with screenshots, composes and downloads a DOCX with the images in it', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 1, name: /every program really run/ }).waitFor();
    await shoot(page, 'landing');

    await page.getByRole('link', { name: 'Create an account' }).first().click();
    await page.getByLabel('Name').fill('Sam Student');
    await page.getByLabel('Email').fill('sam@example.com');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Use at least 8 characters.').waitFor();
    await page.getByLabel('Password').fill('a sturdy passphrase');
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.getByRole('heading', { name: 'No assignments yet' }).waitFor();
    await shoot(page, 'assignments-empty');

    await page.getByRole('link', { name: 'Upload your first assignment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Upload an assignment' }).waitFor();
    await page.setInputFiles('#upload-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a lab') });
    await page.getByRole('alert').filter({ hasText: 'is not a Word (.docx) or PDF document' }).waitFor();
    await shoot(page, 'upload');

    const docx = await buildDocx([
      { text: 'Lab 1: Python basics', style: 'Heading1' },
      { text: 'Q1. Write a program that doubles a number.' },
      { text: 'n = int(input("n: "))', font: 'Courier New' },
      { text: 'print(n * 2)', font: 'Courier New' },
      { text: 'Q2. What is an interpreter?' },
    ]);
    await page.setInputFiles('#upload-file', { name: 'Lab 1.docx', mimeType: DOCX_TYPE, buffer: docx });
    await page.getByRole('heading', { level: 1, name: 'Lab 1.docx' }).waitFor();
    const tasks = page.getByRole('list', { name: 'Tasks' }).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
    await expect.poll(() => tasks.count()).toBe(2);
    const program = tasks.filter({ hasText: 'doubles a number' });
    expect(await program.getByLabel(/^Code of/).textContent()).toContain('print(n * 2)');
    await page.frameLocator('iframe[title^="Preview of"]').getByText('What is an interpreter?').waitFor();

    await program.getByRole('button', { name: /^Edit/ }).click();
    await program.getByLabel('Standard input').fill('21\n');
    await program.getByRole('button', { name: 'Save task' }).click();
    await program.getByText(/^Input: 21/).waitFor();
    await shoot(page, 'workspace');

    await page.getByRole('button', { name: 'Run all' }).click();
    await page.getByText('Run succeeded', { exact: true }).waitFor({ timeout: 120_000 });
    const result = program.getByRole('region', { name: /^Result of/ });
    expect(await result.locator('.badge').textContent()).toBe('ok');
    expect(await result.getByLabel(/^Output of/).textContent()).toBe('n: 21\n42\n');
    const shot = result.getByRole('img').first();
    await shot.waitFor();
    await expect.poll(() => shot.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    expect(await tasks.filter({ hasText: 'What is an interpreter?' }).locator('.result .badge').textContent()).toBe('skipped');
    await shoot(page, 'workspace-results');

    await page.getByRole('checkbox', { name: 'Also make a PDF' }).uncheck({ timeout: 1000 }).catch(() => undefined);
    await page.getByRole('button', { name: 'Compose report' }).click();
    const link = page.getByRole('link', { name: 'Download DOCX' });
    await link.waitFor({ timeout: 120_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(await readFile((await download.path()) ?? ''));
    expect(Object.keys(zip.files).filter((name) => /^word\/media\/.+\.png$/.test(name)).length).toBeGreaterThan(0);
    await shoot(page, 'workspace-report');

    expect(consoleProblems).toEqual([]);
  });

  it('works at phone width, restores a run on reload, and sends a signed-out or expired visitor to sign in and back', async () => {
    const url = page.url();
    const phone = await newTestContext(browser, { viewport: PHONE, storageState: await context.storageState() });
    const small = await phone.newPage();
    await small.goto(`${base}/assignments`);
    await small.getByRole('link', { name: 'Lab 1.docx', exact: true }).waitFor();
    await shoot(small, 'assignments');
    await small.goto(url);
    await small.getByText('Run succeeded', { exact: true }).waitFor();
    expect(await small.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    const width = await pageWidth(small);
    expect(width).toBeLessThanOrEqual(375);
    await shoot(small, 'workspace-results');
    await small.goto(`${base}/upload`);
    await shoot(small, 'upload');

    // The session ends under an open page: the next action leads to sign-in and, after it, back to the same place.
    await small.goto(url);
    await small.getByText('Run succeeded', { exact: true }).waitFor();
    await phone.clearCookies();
    await small.getByRole('button', { name: 'Run all' }).click();
    await small.getByText('Your session ended. Sign in again to carry on where you were.').waitFor();
    await small.getByLabel('Email').fill('sam@example.com');
    await small.getByLabel('Password').fill('a sturdy passphrase');
    await small.getByRole('button', { name: 'Sign in' }).click();
    await small.getByRole('heading', { level: 1, name: 'Lab 1.docx' }).waitFor();
    expect(small.url()).toBe(url);
    await phone.close();

    const visitor = await newTestContext(browser, { viewport: PHONE });
    const anonymous = await visitor.newPage();
    await anonymous.goto(`${base}${new URL(url).pathname}`);
    await anonymous.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(anonymous.url()).searchParams.get('next')).toBe(new URL(url).pathname);
    await anonymous.getByLabel('Email').fill('sam@example.com');
    await anonymous.getByLabel('Password').fill('a wrong passphrase');
    await anonymous.getByRole('button', { name: 'Sign in' }).click();
    await anonymous.getByRole('alert').filter({ hasText: 'The email or password is not correct.' }).waitFor();
    await shoot(anonymous, 'signin');
    await anonymous.getByLabel('Password').fill('a sturdy passphrase');
    await anonymous.getByRole('button', { name: 'Sign in' }).click();
    await anonymous.getByRole('heading', { level: 1, name: 'Lab 1.docx' }).waitFor();
    await anonymous.goto(`${base}/`);
    await shoot(anonymous, 'landing');
    await visitor.close();
  });

  it('adds a task, runs only the selected one, and cancels the run', async () => {
    await page.goto(page.url().split('?')[0] ?? '');
    await page.getByRole('button', { name: 'Add a task' }).click();
    const form = page.locator('form.task-form');
    await form.getByLabel('Label', { exact: true }).fill('Q3');
    await form.getByLabel('Question', { exact: true }).fill('Write a program that never stops.');
    // Typed into the code editor as a person does: the new line after the colon is indented by the editor.
    await form.getByLabel('Code', { exact: true }).click();
    await page.keyboard.type('while True:');
    await page.keyboard.press('Enter');
    await page.keyboard.type('pass');
    await form.getByRole('button', { name: 'Add task' }).click();
    const added = page.getByRole('list', { name: 'Tasks' }).getByRole('listitem').filter({ hasText: 'never stops' });
    await added.getByText('Added by you').waitFor();
    const runSelected = page.getByRole('button', { name: /^Run selected/ });
    expect(await runSelected.isDisabled()).toBe(true);
    await added.getByRole('checkbox', { name: 'Select Q3' }).check();
    await runSelected.click();
    await added.locator('.badge', { hasText: 'running' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await page.getByText('Run cancelled', { exact: true }).waitFor({ timeout: 60_000 });
    // The progress line follows the events; the result under the task follows the run fetched after them.
    await expect.poll(() => added.locator('.result .badge').textContent(), { timeout: 30_000 }).toBe('cancelled');
  });

  it('deletes an assignment after confirming in a dialog that traps and returns focus', async () => {
    await page.goto(`${base}/assignments`);
    const remove = page.getByRole('button', { name: 'Delete Lab 1.docx' });
    await remove.click();
    const dialog = page.getByRole('dialog', { name: 'Delete this assignment?' });
    await dialog.waitFor();
    await expect.poll(() => focused(dialog.getByRole('button', { name: 'Cancel' }))).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(dialog.getByRole('button', { name: 'Cancel' }))).toBe(true);
    await shoot(page, 'delete-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => focused(remove)).toBe(true);
    await remove.click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('heading', { name: 'No assignments yet' }).waitFor();
  });

  it('has no serious or critical accessibility problems on the pages it built (axe-core)', async () => {
    const axeSource = await loadAxe();
    const scan = await newTestContext(browser, { storageState: await context.storageState(), bypassCSP: true });
    const scanned = await scan.newPage();
    const problems: string[] = [];
    await scanned.goto(`${base}/upload`);
    await scanned.getByRole('button', { name: 'Choose a file' }).waitFor();
    const docx = await buildDocx([{ text: 'Q1. Write a program that prints hello.' }, { text: 'print("hello")', font: 'Courier New' }]);
    await scanned.setInputFiles('#upload-file', { name: 'Hello.docx', mimeType: 'application/octet-stream', buffer: docx });
    await scanned.getByRole('heading', { level: 1, name: 'Hello.docx' }).waitFor();
    const workspace = scanned.url();
    for (const [path, ready] of [
      [workspace, 'Run all'],
      [`${base}/assignments`, 'Upload an assignment'],
      [`${base}/upload`, 'Choose a file'],
    ] as const) {
      await scanned.goto(path);
      await scanned.getByRole(path === `${base}/assignments` ? 'link' : 'button', { name: ready }).first().waitFor();
      problems.push(...(await seriousViolations(scanned, axeSource)).map((problem) => `${path}: ${problem}`));
    }
    await scan.clearCookies();
    for (const [path, name] of [['/', 'landing'], ['/signin', 'signin'], ['/signup', 'signup'], ['/no-such-page', 'not-found']] as const) {
      for (const width of [1280, 375]) {
        await scanned.setViewportSize({ width, height: width === 375 ? 812 : 900 });
        await scanned.goto(`${base}${path}`);
        await scanned.getByRole('heading', { level: 1 }).waitFor();
        await scanned.locator('main a, main button').first().waitFor();
        await shoot(scanned, name);
        expect(await pageWidth(scanned)).toBeLessThanOrEqual(width);
        problems.push(...(await seriousViolations(scanned, axeSource)).map((problem) => `${path} at ${width} px: ${problem}`));
      }
    }
    await scan.close();
    expect(problems).toEqual([]);
  });
});
