import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/accounts/create-user.js';
import { focused, hasChromium, loadAxe, newTestContext, pageWidth, PHONE, seriousViolations, shoot, signInInBrowser, startWebApp, watchConsole, type BrowserApp } from '../helpers/browser.js';

const ADMIN = { email: 'root@example.com', password: 'an admin passphrase' };
const STUDENT = { email: 'sam@example.com', password: 'a sturdy passphrase' };
const NEWCOMER = { name: 'Nia Newcomer', email: 'nia@example.com', password: 'a sturdy passphrase' };
const FEEDBACK = 'The screenshots look just like my editor.';

/** The admin console's pages, with the heading each one opens on. */
const PAGES = [
  ['/admin', 'Admin overview'],
  ['/admin/users', 'Users'],
  ['/admin/invites', 'Invites'],
  ['/admin/plans', 'Plans and quotas'],
  ['/admin/feedback', 'Feedback'],
  ['/admin/audit', 'Audit log'],
] as const;

/** Polls until the value matches, allowing for a machine busy with other tests (expect.poll's own limit is 1 s). */
function eventually<T>(value: () => Promise<T> | T) {
  return expect.poll(value, { timeout: 15_000 });
}

/** Waits until the page has loaded what it shows (nothing in it is busy). */
async function settled(page: Page): Promise<void> {
  await page.locator('main [aria-busy="true"]').waitFor({ state: 'detached' });
}

/** Opens an admin page and waits until it has loaded what it shows. */
async function open(page: Page, url: string, heading: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await settled(page);
}

/** The address bar's query string. */
function search(page: Page): string {
  return new URL(page.url()).search;
}

describe.skipIf(!hasChromium)('the admin console in Chromium', { timeout: 240_000 }, () => {
  let app: BrowserApp;
  let browser: Browser;
  let base: string;
  let adminContext: BrowserContext;
  let admin: Page;
  let niaContext: BrowserContext;
  let nia: Page;
  let niaId: string;
  let consoleProblems: string[];

  beforeAll(async () => {
    // Invite-only sign-up is the server's configuration (LABMATE_SIGNUP), not something an admin switches in the app.
    app = await startWebApp({ env: { LABMATE_SIGNUP: 'invite' } });
    ({ browser, base } = app);
    const accounts = app.t.app.labmate.accounts;
    await createUser(accounts, { email: ADMIN.email, name: 'Rosa Root', role: 'admin', password: ADMIN.password, publicUrl: base });
    await createUser(accounts, { email: STUDENT.email, name: 'Sam Student', role: 'student', password: STUDENT.password, publicUrl: base });
    adminContext = await newTestContext(browser);
    await adminContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    admin = await adminContext.newPage();
    consoleProblems = watchConsole(admin);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows an administrator the Admin link and the overview as cards', async () => {
    await signInInBrowser(admin, base, ADMIN);
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Admin overview' }).waitFor();
    const users = admin.locator('.stat').filter({ has: admin.getByRole('link', { name: 'Users', exact: true }) });
    expect(await users.locator('.stat-value').textContent()).toBe('2');
    expect(await users.locator('.stat-detail').textContent()).toBe('1 admin · 0 disabled · 2 new this week');
    expect(await admin.locator('.stat').count()).toBe(6);
    await shoot(admin, 'admin-overview');
  });

  it('creates an invite to copy; sign-up refuses a wrong code with the server’s message and takes the invite link', async () => {
    await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Invites' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Invites' }).waitFor();
    await admin.getByLabel('Sign-ups allowed').fill('0');
    await admin.getByRole('button', { name: 'Create invite' }).click();
    await admin.getByText('Enter a number from 1 to 10,000.').waitFor();
    await admin.getByLabel('Sign-ups allowed').fill('1');
    await admin.getByLabel('Note (optional)').fill('Lab group B');
    await admin.getByRole('button', { name: 'Create invite' }).click();
    const created = admin.getByRole('region', { name: 'New invite' });
    await created.waitFor();
    await eventually(() => focused(created.getByRole('heading', { name: 'New invite' }))).toBe(true);
    const code = (await created.locator('.code-big').textContent()) ?? '';
    expect(code.length).toBeGreaterThan(6);
    const link = `${base}/signup?invite=${encodeURIComponent(code)}`;
    await created.getByRole('button', { name: 'Copy link' }).click();
    await created.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await admin.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe(link);
    const row = admin.getByRole('row').filter({ hasText: code });
    await row.getByText('Open', { exact: true }).waitFor();
    expect(await row.getByRole('cell').nth(0).textContent()).toBe('Lab group B');
    await shoot(admin, 'admin-invites');

    niaContext = await newTestContext(browser);
    nia = await niaContext.newPage();
    await nia.goto(`${base}/signup`);
    await nia.getByLabel('Name').fill(NEWCOMER.name);
    await nia.getByLabel('Email').fill(NEWCOMER.email);
    await nia.getByLabel('Password').fill(NEWCOMER.password);
    await nia.getByLabel('Invite code').fill('NOT-A-REAL-CODE');
    await nia.getByRole('button', { name: 'Create account' }).click();
    await nia.getByText('Invite code is unknown, expired or used up.', { exact: true }).waitFor();
    expect(await nia.getByLabel('Invite code').getAttribute('aria-invalid')).toBe('true');
    await shoot(nia, 'admin-signup-refused');

    await nia.goto(link);
    expect(await nia.getByLabel('Invite code').inputValue()).toBe(code);
    await nia.getByLabel('Name').fill(NEWCOMER.name);
    await nia.getByLabel('Email').fill(NEWCOMER.email);
    await nia.getByLabel('Password').fill(NEWCOMER.password);
    await nia.getByRole('button', { name: 'Create account' }).click();
    await nia.getByRole('heading', { name: 'No assignments yet' }).waitFor();
    expect(await nia.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);

    await admin.reload();
    await admin.getByRole('row').filter({ hasText: code }).getByText('Used up', { exact: true }).waitFor();
  });

  it('makes a plan, finds the new user by search and puts them on it', async () => {
    await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Plans' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Plans and quotas' }).waitFor();
    // What users on no plan get: the server's configured limits (this server has no AI model).
    const defaults = admin.getByRole('region', { name: 'Server defaults' });
    expect(await defaults.locator('dd').allTextContents()).toEqual(['60', '3', '1,024 MB', 'No AI on this server']);
    await admin.getByRole('button', { name: 'New plan' }).click();
    const form = admin.getByRole('form', { name: 'New plan' });
    await eventually(() => focused(form.getByRole('heading', { name: 'New plan' }))).toBe(true);
    await form.getByLabel('Name').fill('Course CS101');
    await form.getByLabel('Runs per hour').fill('30');
    await form.getByLabel('Runs at once').fill('500');
    await form.getByLabel('Storage (MB)').fill('500');
    await form.getByLabel('AI tokens per day').fill('100,000');
    await form.getByRole('button', { name: 'Create plan' }).click();
    await form.getByText('At most 100.').waitFor();
    await eventually(() => focused(form.getByLabel('Runs at once'))).toBe(true);
    await shoot(admin, 'admin-plan-form');
    await form.getByLabel('Runs at once').fill('2');
    await form.getByRole('button', { name: 'Create plan' }).click();
    const planRow = admin.getByRole('row', { name: /^Course CS101/ });
    await planRow.waitFor();
    expect(await planRow.getByRole('cell').allTextContents()).toEqual(['30', '2', '500 MB', '100,000', '0', 'EditDelete']);
    await shoot(admin, 'admin-plans');

    await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await settled(admin);
    expect(await admin.getByRole('table', { name: 'Users' }).getByRole('row').count()).toBe(4);
    await admin.getByRole('searchbox', { name: 'Search users' }).fill('NIA');
    await eventually(() => search(admin)).toBe('?q=NIA');
    const found = admin.getByRole('table', { name: 'Users matching “NIA”' });
    await found.waitFor();
    await settled(admin);
    expect(await found.getByRole('row').count()).toBe(2);
    await shoot(admin, 'admin-users');
    // The search is in the address: back and forward move between searches, and the box follows.
    await admin.goBack();
    await settled(admin);
    expect(await admin.getByRole('searchbox', { name: 'Search users' }).inputValue()).toBe('');
    await admin.goForward();
    await found.waitFor();
    expect(await admin.getByRole('searchbox', { name: 'Search users' }).inputValue()).toBe('NIA');

    await found.getByRole('link', { name: NEWCOMER.email }).click();
    await admin.getByRole('heading', { level: 1, name: NEWCOMER.name }).waitFor();
    niaId = new URL(admin.url()).pathname.split('/').at(-1) ?? '';
    await admin.getByLabel('Plan for this user').selectOption({ label: 'Course CS101' });
    await admin.getByRole('button', { name: 'Assign plan' }).click();
    await admin.getByText('On the plan “Course CS101”:').waitFor();
    await admin.getByText('500 MB', { exact: true }).waitFor();
    await shoot(admin, 'admin-user');
    await admin.getByRole('link', { name: '← All users' }).click();
    await eventually(() => search(admin)).toBe('?q=NIA');
    await found.getByRole('cell', { name: 'Course CS101' }).waitFor();
  });

  it('disables the user after they sent feedback; their next request sends them to sign in; enables them again', async () => {
    await nia.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feedback' }).click();
    await nia.getByLabel('4 · Good').check();
    await nia.getByLabel('Your message').fill(FEEDBACK);
    await nia.getByRole('button', { name: 'Send feedback' }).click();
    await nia.getByText('Thank you. Your feedback was sent to the administrators.').first().waitFor();

    await admin.goto(`${base}/admin/users/${niaId}`);
    const disable = admin.getByRole('button', { name: 'Disable account' });
    await disable.click();
    const dialog = admin.getByRole('dialog', { name: `Disable ${NEWCOMER.email}?` });
    await dialog.waitFor();
    await eventually(() => focused(dialog.getByRole('button', { name: 'Cancel' }))).toBe(true);
    await shoot(admin, 'admin-disable-dialog');
    await admin.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await eventually(() => focused(disable)).toBe(true);
    await disable.click();
    await dialog.getByRole('button', { name: 'Disable account' }).click();
    // Scoped to the card: the same sentence is also read out through the (hidden) live region.
    const access = admin.getByRole('region', { name: 'Access' });
    await access.getByText(`Disabled ${NEWCOMER.email}; 1 session ended.`).waitFor();
    await admin.getByText('Disabled', { exact: true }).first().waitFor();

    await nia.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assignments' }).click();
    await nia.getByText('Your session ended. Sign in again to carry on where you were.').waitFor();
    await nia.getByLabel('Email').fill(NEWCOMER.email);
    await nia.getByLabel('Password').fill(NEWCOMER.password);
    await nia.getByRole('button', { name: 'Sign in' }).click();
    await nia.getByRole('alert').filter({ hasText: 'The email or password is not correct.' }).waitFor();

    await admin.getByRole('button', { name: 'Enable account' }).click();
    await access.getByText(`Enabled ${NEWCOMER.email}; they can sign in again.`).waitFor();
    await nia.getByRole('button', { name: 'Sign in' }).click();
    await nia.getByRole('heading', { level: 1, name: 'Your assignments' }).waitFor();
  });

  it('shows the server’s refusal when an administrator tries to demote themselves', async () => {
    await admin.goto(`${base}/admin/users?q=root`);
    await admin.getByRole('link', { name: ADMIN.email }).click();
    await admin.getByRole('heading', { level: 1, name: 'Rosa Root' }).waitFor();
    const demote = admin.getByRole('button', { name: 'Make student' });
    await demote.click();
    const dialog = admin.getByRole('dialog', { name: `Make ${ADMIN.email} a student?` });
    await dialog.getByRole('button', { name: 'Make student' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'You cannot disable or demote yourself; ask another administrator.' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => focused(demote)).toBe(true);
    expect(await admin.getByText('Administrator', { exact: true }).count()).toBe(1);
  });

  it('lists the admin actions in the audit log, filtered by event and by user, and the user’s feedback', async () => {
    await admin.goto(`${base}/admin/audit`);
    const entries = admin.getByRole('table', { name: 'Audit log entries, newest first' });
    await entries.waitFor();
    for (const event of ['Account disabled', 'Account enabled', 'Plan assigned', 'Plan created', 'Invite created', 'Signed up']) {
      await entries.getByRole('cell', { name: new RegExp(`^${event}`) }).first().waitFor();
    }
    const disabled = entries.getByRole('row').filter({ has: admin.getByRole('cell', { name: /^Account disabled/ }) });
    expect(await disabled.getByRole('link').allTextContents()).toEqual([NEWCOMER.email, ADMIN.email]);
    await shoot(admin, 'admin-audit');

    await admin.getByLabel('Event').selectOption('user.disable');
    await admin.getByRole('button', { name: 'Apply filters' }).click();
    await eventually(() => search(admin)).toBe('?event=user.disable');
    const matching = admin.getByRole('table', { name: 'Audit log entries matching the filters, newest first' });
    await matching.waitFor();
    await settled(admin);
    expect(await matching.getByRole('row').count()).toBe(2);

    await admin.goto(`${base}/admin/users/${niaId}`);
    await admin.getByRole('link', { name: 'Audit log entries about this user' }).click();
    await admin.getByText(`Only entries about ${NEWCOMER.email}.`).waitFor();
    await settled(admin);
    const about = await admin.getByRole('table', { name: /matching the filters/ }).getByRole('row').allTextContents();
    expect(about.slice(1).every((text) => text.includes(NEWCOMER.email))).toBe(true);

    await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Feedback' }).click();
    const feedback = admin.getByRole('row').filter({ hasText: FEEDBACK });
    await feedback.waitFor();
    expect(await feedback.getByRole('link').textContent()).toBe(NEWCOMER.email);
    await feedback.getByText('4 of 5').waitFor();
    await shoot(admin, 'admin-feedback');
    expect(consoleProblems).toEqual([]);
  });

  it('keeps students and visitors out of the admin console', async () => {
    const student = await newTestContext(browser);
    const page = await student.newPage();
    await signInInBrowser(page, base, STUDENT);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
    for (const [path] of [...PAGES, [`/admin/users/${niaId}`]]) {
      await page.goto(`${base}${path}`);
      await page.getByRole('heading', { level: 1, name: 'Administrators only' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Administration' }).count()).toBe(0);
    }
    await shoot(page, 'admin-not-allowed');
    await student.close();

    const visitor = await newTestContext(browser);
    const anonymous = await visitor.newPage();
    await anonymous.goto(`${base}/admin/users`);
    await anonymous.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(anonymous.url()).searchParams.get('next')).toBe('/admin/users');
    await visitor.close();
  });

  it('fits every admin page in 375 px, the tables scrolling inside their own region', async () => {
    const phone = await newTestContext(browser, { viewport: PHONE, storageState: await adminContext.storageState() });
    const page = await phone.newPage();
    for (const [path, heading] of [...PAGES, [`/admin/users/${niaId}`, NEWCOMER.name]] as const) {
      await open(page, `${base}${path}`, heading);
      expect(await pageWidth(page), path).toBeLessThanOrEqual(375);
      await shoot(page, path === '/admin' ? 'admin-overview' : path.startsWith('/admin/users/') ? 'admin-user' : `admin-${path.split('/').at(-1)}`);
    }
    await page.goto(`${base}/admin/audit`);
    const region = page.getByRole('region', { name: 'Audit log entries, newest first' });
    await region.waitFor();
    const [inner, outer] = await region.evaluate((element) => [(element as unknown as { scrollWidth: number }).scrollWidth, (element as unknown as { clientWidth: number }).clientWidth]);
    expect(inner).toBeGreaterThan(outer ?? 0);
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await eventually(() => region.evaluate((element) => (element as unknown as { scrollLeft: number }).scrollLeft)).toBeGreaterThan(0);
    await phone.close();
  });

  it('has no serious or critical accessibility problems on any admin page, in the light and the dark scheme (axe-core)', async () => {
    const axe = await loadAxe();
    const problems: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const scan = await newTestContext(browser, { colorScheme, storageState: await adminContext.storageState(), bypassCSP: true });
      const page = await scan.newPage();
      const check = async (label: string) => problems.push(...(await seriousViolations(page, axe)).map((problem) => `${colorScheme}, ${label}: ${problem}`));
      for (const [path, heading] of [...PAGES, [`/admin/users/${niaId}`, NEWCOMER.name]] as const) {
        await open(page, `${base}${path}`, heading);
        await check(path);
      }
      if (colorScheme === 'dark') await shoot(page, 'dark-admin-user');
      await page.getByRole('button', { name: 'Disable account' }).click();
      await page.getByRole('dialog').waitFor();
      await check('the disable dialog');
      await page.goto(`${base}/admin/plans`);
      await page.getByRole('button', { name: 'New plan' }).click();
      await page.getByRole('button', { name: 'Create plan' }).click();
      await page.getByText('Enter a name for the plan.').waitFor();
      await check('the plan form with errors');
      await page.goto(`${base}/admin/invites`);
      await page.getByRole('button', { name: 'Create invite' }).click();
      await page.getByRole('region', { name: 'New invite' }).waitFor();
      await check('a new invite');
      await scan.close();
    }

    const studentScan = await newTestContext(browser, { bypassCSP: true });
    const studentPage = await studentScan.newPage();
    await signInInBrowser(studentPage, base, STUDENT);
    await studentPage.goto(`${base}/admin`);
    await studentPage.getByRole('heading', { level: 1, name: 'Administrators only' }).waitFor();
    problems.push(...(await seriousViolations(studentPage, axe)).map((problem) => `not allowed: ${problem}`));
    await studentScan.close();
    expect(problems).toEqual([]);
  });
});
