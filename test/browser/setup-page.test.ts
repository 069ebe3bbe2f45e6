import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSetupLinkIfNeeded } from '../../src/accounts/one-time-links.js';
import { systemClock } from '../../src/clock.js';
import { hasChromium, startBrowserApp, type BrowserApp } from '../helpers/browser.js';

describe.skipIf(!hasChromium)('the admin set-up page in Chromium', { timeout: 120_000 }, () => {
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates the first administrator from the printed link, then the admin is signed in', async () => {
    const { t, browser, base } = app;
    const link = await adminSetupLinkIfNeeded({ db: t.database.handle.db, clock: systemClock }, base);
    const page = await browser.newPage();
    await page.goto(link ?? '');
    await page.fill('#email', 'root@example.com');
    await page.fill('#name', 'Rosa Root');
    await page.fill('#password', 'an admin passphrase');
    await page.click('button[type=submit]');
    await page.locator('#status', { hasText: /^(Done|.{13,})/ }).waitFor();
    expect(await page.textContent('#status')).toMatch(/^Done/);
    const me = (await (await page.request.get(`${base}/api/v1/auth/me`)).json()) as { user: unknown };
    expect(me.user).toMatchObject({ email: 'root@example.com', role: 'admin' });
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'labmate_session')?.httpOnly).toBe(true);
    // The page's own script cannot see the session: the cookie is HttpOnly (this project compiles without DOM types).
    const visible = await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie);
    expect(visible).not.toContain('labmate_session');
    await page.close();
  });
});
