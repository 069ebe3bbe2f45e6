import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../fixtures/docx-builder.js';
import { focused, hasChromium, loadAxe, openStudentPage, pageWidth, PHONE, seriousViolations, shoot, startWebApp, uploadInBrowser, type BrowserApp } from '../helpers/browser.js';

const DATA = 'alpha beta gamma\nsecond line of data\n';

describe.skipIf(!hasChromium)('a task’s input files, one-task runs and the picture lightbox in Chromium', { timeout: 300_000 }, () => {
  let app: BrowserApp;
  let browser: Browser;
  let base: string;
  let page: Page;
  let axe: string;
  let consoleProblems: string[] = [];

  const reader = (): Locator => page.getByRole('list', { name: 'Tasks' }).getByRole('listitem').filter({ hasText: 'reads data.txt' }).first();
  const result = (): Locator => reader().getByRole('region', { name: /^Result of/ });
  const thumbnails = (): Locator => result().locator('.shots a');
  const lightbox = (): Locator => page.getByRole('dialog', { name: /^Picture \d+ of \d+$/ });

  beforeAll(async () => {
    app = await startWebApp({ env: { LABMATE_RATE_LIMIT: 'false' } });
    ({ browser, base } = app);
    axe = await loadAxe();
    ({ page, consoleProblems } = await openStudentPage(browser, base, { name: 'Ines Inputs', email: 'ines@example.com' }, { bypassCSP: true }));
    const docx = await buildDocx([
      { text: 'Lab 5: files', style: 'Heading1' },
      { text: 'Q1. Write a program that reads data.txt and prints it.' },
      { text: 'text = open("data.txt").read()', font: 'Courier New' },
      { text: 'print(text)', font: 'Courier New' },
      { text: 'open("shout.txt", "w").write(text.upper())', font: 'Courier New' },
      { text: 'Q2. Write a program that prints a greeting.' },
      { text: 'print("hello")', font: 'Courier New' },
    ]);
    await uploadInBrowser(page, base, 'Lab 5.docx', docx);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('adds data.txt to the task in its form, refusing a name the server would refuse, and lists it on the card', async () => {
    await reader().getByRole('button', { name: /^Edit/ }).click();
    await reader().getByRole('button', { name: 'Add an input file' }).click();
    const name = reader().getByLabel('Name of file 1');
    await expect.poll(() => focused(name)).toBe(true);
    await name.fill('../data.txt');
    await reader().getByLabel('Content of “../data.txt”').fill(DATA);
    await reader().getByRole('button', { name: 'Save task' }).click();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await focused(name)).toBe(true);
    expect(await reader().locator('.field-error').first().textContent()).toContain('must be a plain file name');
    // A name only the server knows to refuse: the one the program's own source file gets in the sandbox.
    await name.fill('main.py');
    await reader().getByRole('button', { name: 'Save task' }).click();
    await expect.poll(async () => reader().locator('.field-error').first().textContent()).toContain('the name the program itself gets (main.py)');
    await shoot(page, 'task-input-file-named-like-the-program', reader());

    await name.fill('data.txt');
    await shoot(page, 'task-input-files-form', reader());
    expect(await seriousViolations(page, axe)).toEqual([]);
    await reader().getByRole('button', { name: 'Save task' }).click();
    const files = reader().getByRole('list', { name: /^Input files of/ });
    await files.waitFor();
    expect((await files.textContent())?.replace(/\s+/g, ' ')).toContain('data.txt (37 B)');
    await shoot(page, 'task-card-input-files', reader());
  });

  it('runs just this task from its card and shows the file’s content in the transcript', async () => {
    const greeting = page.getByRole('list', { name: 'Tasks' }).getByRole('listitem').filter({ hasText: 'prints a greeting' }).first();
    const run = reader().getByRole('button', { name: /^Run this task/ });
    await run.click();
    await result().getByLabel(/^Output of/).waitFor({ timeout: 120_000 });
    expect(await result().getByLabel(/^Output of/).textContent()).toContain('alpha beta gamma\nsecond line of data');
    // Only this task ran: the other has no result.
    expect(await greeting.getByRole('region', { name: /^Result of/ }).count()).toBe(0);
    await expect.poll(() => run.isEnabled(), { timeout: 60_000 }).toBe(true);
  });

  it('opens a picture in the lightbox with the keyboard, goes through them with the arrows, and gives focus back on Escape', async () => {
    await expect.poll(() => thumbnails().count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    const count = await thumbnails().count();
    const first = thumbnails().first();
    await first.focus();
    await page.keyboard.press('Enter');
    await lightbox().waitFor();
    expect(await lightbox().getByRole('heading', { level: 2 }).textContent()).toBe(`Picture 1 of ${count}`);
    expect(await lightbox().locator('figcaption').textContent()).toMatch(/^Screenshot: /);
    expect(await lightbox().getByRole('link', { name: 'Open in a new tab' }).getAttribute('target')).toBe('_blank');
    const image = lightbox().locator('img');
    await expect.poll(() => image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);

    await page.keyboard.press('ArrowRight');
    expect(await lightbox().getByRole('heading', { level: 2 }).textContent()).toBe(`Picture 2 of ${count}`);
    expect(await lightbox().locator('figcaption').textContent()).toMatch(/^File card: shout\.txt/);
    await shoot(page, 'task-lightbox', lightbox());
    expect(await seriousViolations(page, axe)).toEqual([]);
    await page.keyboard.press('ArrowLeft');
    expect(await lightbox().getByRole('heading', { level: 2 }).textContent()).toBe(`Picture 1 of ${count}`);

    await page.keyboard.press('Escape');
    await lightbox().waitFor({ state: 'hidden' });
    expect(await focused(first)).toBe(true);
  });

  it('marks the result as from before an edit until the task runs again', async () => {
    await reader().getByRole('button', { name: /^Edit/ }).click();
    await reader().getByLabel('Content of “data.txt”').fill('delta\n');
    await reader().getByRole('button', { name: 'Save task' }).click();
    await result().getByText('From before your edit').waitFor();
    await reader().getByRole('button', { name: /^Run this task/ }).click();
    await expect.poll(() => result().getByLabel(/^Output of/).textContent().catch(() => ''), { timeout: 120_000 }).toContain('delta');
    expect(await result().getByText('From before your edit').count()).toBe(0);
  });

  it('fits 375 px with the form open and with the lightbox open', async () => {
    await page.setViewportSize(PHONE);
    await reader().getByRole('button', { name: /^Edit/ }).click();
    await reader().getByLabel('Name of file 1').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    await shoot(page, 'task-input-files-form', reader());
    expect(await seriousViolations(page, axe)).toEqual([]);

    await reader().getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => thumbnails().count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    await thumbnails().first().click();
    await lightbox().waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    const box = await lightbox().boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 999) <= 375).toBe(true);
    await shoot(page, 'task-lightbox', lightbox());
    expect(await seriousViolations(page, axe)).toEqual([]);
    await page.getByRole('button', { name: 'Close' }).click();
    await lightbox().waitFor({ state: 'hidden' });
  });

  it('shows the report panel’s pictures in the same lightbox', async () => {
    const picture = page.getByRole('list', { name: /^Pictures of/ }).getByRole('button').first();
    await picture.waitFor({ timeout: 60_000 });
    await picture.focus();
    await page.keyboard.press('Enter');
    await lightbox().waitFor();
    expect(await lightbox().locator('figcaption').textContent()).toMatch(/^Screenshot /);
    await page.keyboard.press('ArrowRight');
    expect(await lightbox().getByRole('heading', { level: 2 }).textContent()).toMatch(/^Picture 2 of /);
    await page.keyboard.press('Escape');
    await lightbox().waitFor({ state: 'hidden' });
    expect(await focused(picture)).toBe(true);
    expect(consoleProblems).toEqual([]);
  });
});
