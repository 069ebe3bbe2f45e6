import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../ai/fake-openai-server.js';
import { labModel } from '../ai/scripted-lab-model.js';
import { buildDocx } from '../fixtures/docx-builder.js';
import { hasChromium, LAPTOP, PHONE, SHOTS, signUpInBrowser, startWebApp, uploadInBrowser, type BrowserApp } from '../helpers/browser.js';

describe.skipIf(!hasChromium)('AI drafts in the web app, against a fake model', { timeout: 240_000 }, () => {
  let ai: FakeOpenAiServer;
  let app: BrowserApp;

  beforeAll(async () => {
    ai = await startFakeOpenAiServer({ handler: labModel });
    app = await startWebApp({ env: { LABMATE_AI_BASE_URL: ai.url, LABMATE_AI_MODEL: 'fake-model' } });
  });
  afterAll(async () => {
    await app?.close();
    await ai?.close();
  });

  async function card(page: Page, text: string): Promise<Locator> {
    const item = page.getByRole('list', { name: 'Tasks' }).getByRole('listitem').filter({ hasText: text }).first();
    await item.waitFor();
    return item;
  }

  it('drafts code and an answer marked as drafts until the student accepts them, shows a review, and signs out', async () => {
    const { browser, base } = app;
    const page = await browser.newPage({ viewport: LAPTOP });
    await signUpInBrowser(page, base, { name: 'Ada AI', email: 'ada@example.com' });
    const docx = await buildDocx([
      { text: 'Lab 4: loops', style: 'Heading1' },
      { text: 'Q1. Write a Python program that reads a number and prints its square.' },
      { text: 'Q2. Explain how a while loop differs from a for loop in Python programs.' },
    ]);
    await uploadInBrowser(page, base, 'Lab 4.docx', docx);
    // The page looks again until the AI's check of the detected questions is done.
    const theory = await card(page, 'Explain how');
    await theory.getByRole('button', { name: 'Draft answer with AI' }).waitFor({ timeout: 60_000 });

    const program = await card(page, 'prints its square');
    await program.getByRole('button', { name: 'Draft code with AI' }).click();
    await program.getByText('This code was written by the AI, not taken from your document.', { exact: false }).waitFor({ timeout: 60_000 });
    expect(await program.getByLabel(/^Code of/).textContent()).toContain('print(n * n)');
    await theory.getByRole('button', { name: 'Draft answer with AI' }).click();
    await theory.getByText('Only an accepted answer goes into your report.', { exact: false }).waitFor({ timeout: 60_000 });
    expect(await theory.textContent()).toContain('A loop repeats a block of statements');
    await page.screenshot({ path: `${SHOTS}/workspace-ai-drafts-1280.png`, fullPage: true });

    await program.getByRole('button', { name: 'Accept the code as mine' }).click();
    await program.getByText('AI draft', { exact: true }).waitFor({ state: 'detached' });
    await theory.getByRole('button', { name: 'Accept the answer' }).click();
    await theory.getByText('Your answer:').waitFor();

    await program.getByRole('button', { name: 'Review code' }).click();
    await program.getByText('Works; the prompt could say what to type.').waitFor({ timeout: 60_000 });
    expect(await program.getByText('input() shows no prompt.', { exact: false }).count()).toBe(1);
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}/workspace-ai-drafts-375.png`, fullPage: true });

    // The drafts and the review were paid for in tokens, which the settings page counts against the day's allowance.
    await page.goto(`${base}/settings`);
    const budget = page.getByRole('region', { name: 'AI use' });
    await budget.getByText(/^[1-9][\d,]* of 200,000 tokens used today/).waitFor();
    expect(await budget.getByRole('progressbar', { name: 'AI tokens used today' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: /every program really run/ }).waitFor();
    await page.goto(`${base}/assignments`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.close();
  });
});
