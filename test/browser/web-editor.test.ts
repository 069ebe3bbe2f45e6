import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../fixtures/docx-builder.js';
import { buildPdf } from '../fixtures/pdf-builder.js';
import { focused, hasChromium, loadAxe, openStudentPage, pageWidth, seriousViolations, shoot, startWebApp, uploadInBrowser, type BrowserApp } from '../helpers/browser.js';

const PDF = buildPdf({
  pages: [
    [
      { text: 'Lab 2: functions', y: 740, size: 16 },
      { text: '1. Write a Python program that prints the sum of two numbers.', y: 700 },
      { text: 'a = 2', y: 680, mono: true },
      { text: 'b = 3', y: 665, mono: true },
      { text: 'print(a + b)', y: 650, mono: true },
    ],
    [
      { text: '2. Write a Python function that greets a person by name.', y: 700 },
      { text: 'def greet(name):', y: 680, mono: true },
      { text: '    return "Hello, " + name', y: 665, mono: true },
      { text: 'print(greet("Ana"))', y: 650, mono: true },
    ],
  ],
});

/** For what waits on a lazily loaded part (CodeMirror, a grammar, the page list) on a busy machine. */
const LOADING = { timeout: 30_000 };

/** The natural width of an image once it has loaded (0 before). */
function naturalWidth(image: Locator): Promise<number> {
  return image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth);
}

describe.skipIf(!hasChromium)('the workspace: PDF pages as images and the code editor', { timeout: 240_000 }, () => {
  let app: BrowserApp;
  let browser: Browser;
  let base: string;
  let page: Page;
  let workspace: string;
  let consoleProblems: string[] = [];

  beforeAll(async () => {
    app = await startWebApp();
    ({ browser, base } = app);
    ({ page, consoleProblems } = await openStudentPage(browser, base, { name: 'Pia Pages', email: 'pia@example.com' }, { bypassCSP: true }));
  });
  afterAll(async () => {
    await app?.close();
  });

  function card(text: string): Locator {
    return page.getByRole('list', { name: 'Tasks' }).getByRole('listitem').filter({ hasText: text }).first();
  }

  it('shows an uploaded PDF as page images that load, each page linking to the tasks on it', async () => {
    await page.goto(`${base}/upload`);
    await page.setInputFiles('#upload-file', { name: 'Lab 2.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('heading', { level: 1, name: 'Lab 2.pdf' }).waitFor();
    workspace = page.url();

    const pages = page.getByRole('region', { name: 'Pages of Lab 2.pdf' });
    const first = pages.getByRole('img', { name: 'Page 1 of 2' });
    await expect.poll(() => naturalWidth(first), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await first.getAttribute('loading')).toBe('lazy');
    const second = pages.getByRole('img', { name: 'Page 2 of 2' });
    await second.scrollIntoViewIfNeeded();
    await expect.poll(() => naturalWidth(second), { timeout: 60_000 }).toBeGreaterThan(0);

    const onSecond = pages.getByRole('list', { name: 'Tasks on page 2' }).getByRole('link');
    // Each link reads as the task's heading does: its label from the document.
    await expect.poll(() => onSecond.allTextContents(), LOADING).toEqual(['2.']);
    expect(await pages.getByRole('list', { name: 'Tasks on page 1' }).getByRole('link').allTextContents()).toEqual(['1.']);
    await onSecond.click();
    await expect.poll(() => focused(card('greets a person').getByRole('heading', { level: 3 }))).toBe(true);
  });

  it('highlights the code by its language', async () => {
    const code = card('greets a person').getByRole('textbox', { name: /^Code of/ });
    await expect.poll(() => code.locator('.tok-keyword').allTextContents(), LOADING).toEqual(['def', 'return']);
    expect(await code.getAttribute('aria-readonly')).toBe('true');
    expect(await code.locator('.tok-string').first().textContent()).toBe('"Hello, "');
  });

  it('edits code with the keyboard only: Tab indents, Escape then Tab leaves; the edit is saved and kept on reload', async () => {
    const task = card('sum of two numbers');
    const id = new URL(workspace).pathname.split('/').pop() ?? '';
    const before = (await (await page.request.get(`${base}/api/v1/assignments/${id}`)).json()) as { tasks: Array<{ code: string }> };
    const original = before.tasks[0]?.code ?? '';
    expect(original).toContain('print(a + b)');

    await task.getByRole('button', { name: /^Edit/ }).focus();
    await page.keyboard.press('Enter');
    const editor = task.getByRole('textbox', { name: 'Code', exact: true });
    await editor.waitFor();
    expect(await editor.getAttribute('aria-describedby')).toBeTruthy();
    const hint = await task.locator(`#${await editor.getAttribute('aria-describedby')}`).textContent();
    expect(hint).toContain('press Esc, then Tab');
    await task.getByLabel('Screenshot style').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(editor)).toBe(true);

    // Tab indents the line the cursor is on (and Shift-Tab takes it back) instead of leaving the editor.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Tab');
    await expect.poll(() => editor.locator('.cm-line').first().textContent()).toBe('    a = 2');
    expect(await focused(editor)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => editor.locator('.cm-line').first().textContent()).toBe('a = 2');

    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('for i in range(2):');
    await page.keyboard.press('Enter');
    await page.keyboard.type('print(i)');
    await shoot(page, 'workspace-pdf-editing');

    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(task.getByLabel('Standard input'))).toBe(true);
    // The input files come next: adding one, then uploading one.
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(task.getByRole('button', { name: 'Add an input file' }))).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(task.getByLabel('Upload a text file'))).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(task.getByRole('button', { name: 'Save task' }))).toBe(true);
    await page.keyboard.press('Enter');
    await task.getByRole('button', { name: /^Edit/ }).waitFor();

    const expected = `${original}\nfor i in range(2):\n    print(i)`;
    const after = (await (await page.request.get(`${base}/api/v1/assignments/${id}`)).json()) as { tasks: Array<{ code: string }> };
    expect(after.tasks[0]?.code).toBe(expected);
    await page.reload();
    const shown = card('sum of two numbers').getByRole('textbox', { name: /^Code of/ });
    await expect.poll(() => shown.locator('.cm-line').allTextContents(), LOADING).toEqual(expected.split('\n'));
  });

  it('looks right at 1280 and 375 px with a PDF and with a DOCX, and axe finds nothing serious with the editor open', async () => {
    const docx = await buildDocx([
      { text: 'Lab 3: C basics', style: 'Heading1' },
      { text: 'Q1. Write a C program that prints the larger of two numbers.' },
      { text: '#include <stdio.h>', font: 'Courier New' },
      { text: 'int main(void) {', font: 'Courier New' },
      { text: '    int a = 4, b = 7;', font: 'Courier New' },
      { text: '    printf("%d\\n", a > b ? a : b);', font: 'Courier New' },
      { text: '    return 0;', font: 'Courier New' },
      { text: '}', font: 'Courier New' },
    ]);
    const docxWorkspace = await uploadInBrowser(page, base, 'Lab 3.docx', docx);

    const axe = await loadAxe();
    const problems: string[] = [];
    for (const [url, name, words] of [
      [workspace, 'workspace-pdf', 'sum of two numbers'],
      [docxWorkspace, 'workspace-docx', 'larger of two numbers'],
    ] as const) {
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
        await page.goto(url);
        const task = card(words);
        await task.getByRole('button', { name: /^Edit/ }).click();
        await task.getByRole('textbox', { name: 'Code', exact: true }).locator('.tok-keyword').first().waitFor();
        if (name === 'workspace-pdf') await expect.poll(() => naturalWidth(page.getByRole('img', { name: 'Page 1 of 2' })), { timeout: 60_000 }).toBeGreaterThan(0);
        else await page.frameLocator('iframe[title^="Preview of"]').getByText('prints the larger').waitFor();
        const scrollWidth = await pageWidth(page);
        expect(scrollWidth).toBeLessThanOrEqual(width);
        await shoot(page, name);
        problems.push(...(await seriousViolations(page, axe)).map((problem) => `${name} at ${width}: ${problem}`));
      }
    }
    expect(problems).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
});
