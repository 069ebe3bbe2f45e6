import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../fixtures/docx-builder.js';
import { hasChromium, LAPTOP, loadAxe, newTestContext, openStudentPage, pageWidth, PHONE, seriousViolations, shoot, startWebApp, uploadInBrowser, type BrowserApp } from '../helpers/browser.js';

/** The relative luminance of a computed `rgb(r, g, b)` colour (WCAG), to tell a dark page from a light one. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((value) => {
    const channel = Number(value) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function colourOf(page: Page, selector: string, property: 'background-color' | 'color'): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate((element, name) => {
      const view = globalThis as unknown as { getComputedStyle(node: unknown): { getPropertyValue(property: string): string } };
      return view.getComputedStyle(element).getPropertyValue(name);
    }, property);
}

describe.skipIf(!hasChromium)('the web app with a dark system setting', { timeout: 300_000 }, () => {
  let app: BrowserApp;
  let browser: Browser;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let workspace: string;
  let axe: string;
  let consoleProblems: string[] = [];

  beforeAll(async () => {
    app = await startWebApp();
    ({ browser, base } = app);
    axe = await loadAxe();
    ({ context, page, consoleProblems } = await openStudentPage(browser, base, { name: 'Nox Night', email: 'nox@example.com' }, { colorScheme: 'dark', bypassCSP: true }));
    const docx = await buildDocx([
      { text: 'Lab 6: evening', style: 'Heading1' },
      { text: 'Q1. Write a program that prints a greeting.' },
      { text: 'print("good evening")', font: 'Courier New' },
      { text: 'Q2. What is a variable?' },
    ]);
    workspace = await uploadInBrowser(page, base, 'Lab 6.docx', docx);
    await page.getByRole('button', { name: 'Run all' }).click();
    await page.getByText(/^Run (succeeded|failed)$/).waitFor({ timeout: 180_000 });
  });

  afterAll(async () => {
    await context?.close();
    await app?.close();
  });

  it('draws light text on dark surfaces, and the light scheme stays light', async () => {
    await page.goto(workspace);
    await page.getByRole('button', { name: 'Run all' }).waitFor();
    expect(luminance(await colourOf(page, 'html', 'background-color'))).toBeLessThan(0.05);
    expect(luminance(await colourOf(page, 'body', 'color'))).toBeGreaterThan(0.6);
    expect(luminance(await colourOf(page, '.card', 'background-color'))).toBeLessThan(0.05);

    const light = await newTestContext(browser, { colorScheme: 'light', storageState: await context.storageState() });
    const lightPage = await light.newPage();
    await lightPage.goto(workspace);
    await lightPage.getByRole('button', { name: 'Run all' }).waitFor();
    expect(luminance(await colourOf(lightPage, 'html', 'background-color'))).toBeGreaterThan(0.8);
    await light.close();
  });

  it('has no serious or critical accessibility problems (contrast included) on its pages, at 1280 and 375 px', async () => {
    const pages: Array<[name: string, path: string, ready: string]> = [
      ['dark-workspace', workspace, 'Run all'],
      ['dark-assignments', `${base}/assignments`, 'Upload an assignment'],
      ['dark-upload', `${base}/upload`, 'Choose a file'],
      ['dark-settings', `${base}/settings`, 'Change password'],
    ];
    const problems: string[] = [];
    for (const viewport of [undefined, PHONE]) {
      if (viewport) await page.setViewportSize(viewport);
      for (const [name, path, ready] of pages) {
        await page.goto(path);
        await page.getByRole('button', { name: ready }).or(page.getByRole('link', { name: ready })).first().waitFor();
        await shoot(page, name);
        problems.push(...(await seriousViolations(page, axe)).map((problem) => `${name}: ${problem}`));
        if (viewport) expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
      }
    }

    await page.setViewportSize(LAPTOP);
    await page.goto(workspace);
    await page.getByRole('button', { name: 'Re-detect tasks' }).click();
    const dialog = page.getByRole('dialog', { name: 'Re-detect the tasks?' });
    await dialog.waitFor();
    expect(luminance(await colourOf(page, 'dialog.dialog', 'background-color'))).toBeLessThan(0.05);
    await shoot(page, 'dark-dialog');
    problems.push(...(await seriousViolations(page, axe)).map((problem) => `dark-dialog: ${problem}`));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(problems).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  it('keeps the sign-in and landing pages readable for a visitor', async () => {
    const visitor = await newTestContext(browser, { colorScheme: 'dark', bypassCSP: true });
    const visitorPage = await visitor.newPage();
    const problems: string[] = [];
    for (const [name, path] of [
      ['dark-landing', `${base}/`],
      ['dark-signin', `${base}/signin`],
    ] as const) {
      await visitorPage.goto(path);
      await visitorPage.getByRole('main').waitFor();
      await shoot(visitorPage, name);
      problems.push(...(await seriousViolations(visitorPage, axe)).map((problem) => `${name}: ${problem}`));
    }
    await visitor.close();
    expect(problems).toEqual([]);
  });
});
