import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createTestApp, type TestApp, type TestAppOptions } from './app.js';

/** The system Chromium the browser tests drive (they are skipped without it). */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests can run here. */
export const hasChromium = existsSync(CHROMIUM);

export interface BrowserApp {
  t: TestApp;
  browser: Browser;
  /** The app's address as the browser opens it. */
  base: string;
  close(): Promise<void>;
}

/** The real app listening on a random loopback port, and the system Chromium to drive it. */
export async function startBrowserApp(options: TestAppOptions = {}): Promise<BrowserApp> {
  const port = 4100 + Math.floor(Math.random() * 800);
  const t = await createTestApp({ ...options, env: { ...options.env, PORT: String(port) } });
  await t.app.listen({ host: '127.0.0.1', port });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    t,
    browser,
    // Opened as localhost while the app calls itself 127.0.0.1: both are this machine, so the Origin check accepts it.
    base: `http://localhost:${port}`,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

const WEB_INDEX = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));

/** Where the web app's browser tests save each page's screenshot, for a person to look at. */
export const SHOTS = process.env.LABMATE_WEB_SHOTS ?? '/tmp/web-shots';

/** The laptop and phone viewports every page is checked at. */
export const LAPTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

/** A browser context as the tests open them: laptop-sized and with reduced motion unless `options` say otherwise. */
export function newTestContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: LAPTOP, reducedMotion: 'reduce', ...options });
}

/** The content type of the DOCX files the tests upload. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Uploads a DOCX through the upload page and waits for its workspace; returns the workspace's address. */
export async function uploadInBrowser(page: Page, base: string, name: string, docx: Buffer): Promise<string> {
  await page.goto(`${base}/upload`);
  await page.setInputFiles('#upload-file', { name, mimeType: DOCX_TYPE, buffer: docx });
  await page.getByRole('heading', { level: 1, name }).waitFor();
  return page.url();
}

/** startBrowserApp for the web app's tests: the built web app must exist, and the screenshot folder does after. */
export async function startWebApp(options: TestAppOptions = {}): Promise<BrowserApp> {
  if (!existsSync(WEB_INDEX)) throw new Error('web/dist is missing: run `npm run build:web` first (npm test does).');
  await mkdir(SHOTS, { recursive: true });
  return startBrowserApp(options);
}

/**
 * A page's full screenshot, or one part of it, named after it and the viewport width, for a person to look at
 * (assertions never read it).
 */
export async function shoot(page: Page, name: string, part?: Locator): Promise<void> {
  const path = `${SHOTS}/${name}-${page.viewportSize()?.width ?? 0}.png`;
  await (part ? part.screenshot({ path }) : page.screenshot({ path, fullPage: true }));
}

/**
 * The page's console errors and uncaught exceptions from now on, in a list that fills as they happen. Failed resource
 * loads are left out: a 401 from "who am I?" or a refused form is an expected answer, a CSP refusal or an exception not.
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** How wide the page is laid out, to catch sideways scrolling at phone width. */
export function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
}

/** Whether the element has the keyboard focus. */
export function focused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's browser bundle, to pass to `seriousViolations` (pages need `bypassCSP: true` to run it). */
export function loadAxe(): Promise<string> {
  return readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
}

/** The serious and critical accessibility problems axe-core finds on the page as it is now. */
export async function seriousViolations(page: Page, axeSource: string): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run({ resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Signs up through the web app's form and waits for the (empty) assignments page. */
export async function signUpInBrowser(page: Page, base: string, account: { name: string; email: string; password?: string }): Promise<void> {
  await page.goto(`${base}/signup`);
  await page.getByLabel('Name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password ?? 'a sturdy passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'No assignments yet' }).waitFor();
}

/**
 * A new student's page, as most web tests start: a test context (`options` as for `newTestContext`), its console
 * watched from the first load, and an account signed up through the form.
 */
export async function openStudentPage(
  browser: Browser,
  base: string,
  student: { name: string; email: string },
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; consoleProblems: string[] }> {
  const context = await newTestContext(browser, options);
  const page = await context.newPage();
  const consoleProblems = watchConsole(page);
  await signUpInBrowser(page, base, student);
  return { context, page, consoleProblems };
}

/** Signs in through the web app's form and waits for the assignments page. */
export async function signInInBrowser(page: Page, base: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${base}/signin`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your assignments' }).waitFor();
}
