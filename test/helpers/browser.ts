import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
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

/** startBrowserApp for the web app's tests: the built web app must exist, and the screenshot folder does after. */
export async function startWebApp(options: TestAppOptions = {}): Promise<BrowserApp> {
  if (!existsSync(WEB_INDEX)) throw new Error('web/dist is missing: run `npm run build:web` first (npm test does).');
  await mkdir(SHOTS, { recursive: true });
  return startBrowserApp(options);
}
