import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focused, hasChromium, loadAxe, newTestContext, pageWidth, PHONE, seriousViolations, shoot, signUpInBrowser, startWebApp, watchConsole, type BrowserApp } from '../helpers/browser.js';

const EMAIL = 'sam@example.com';
const FIRST_PASSWORD = 'a sturdy passphrase';
const NEW_PASSWORD = 'a newer sturdier passphrase';
const FEEDBACK = 'The screenshots look exactly like my IDE. Please add Kotlin.';

/** Signs in from the sign-in page the browser is on. */
async function signIn(page: Page, password: string): Promise<void> {
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe.skipIf(!hasChromium)('settings and feedback in Chromium', { timeout: 240_000 }, () => {
  let app: BrowserApp;
  let browser: Browser;
  let base: string;
  let laptop: BrowserContext;
  let page: Page;
  let other: BrowserContext;
  let otherPage: Page;
  let consoleProblems: string[] = [];

  beforeAll(async () => {
    app = await startWebApp();
    ({ browser, base } = app);
    laptop = await newTestContext(browser, { acceptDownloads: true });
    page = await laptop.newPage();
    consoleProblems = watchConsole(page);
    other = await newTestContext(browser);
    otherPage = await other.newPage();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('changes the profile name and shows it in the header, and shows the server’s reason for a refused field', async () => {
    await signUpInBrowser(page, base, { name: 'Sam Settings', email: EMAIL, password: FIRST_PASSWORD });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Samantha Settings');
    await page.getByLabel('Institution').fill('Instituto Técnico');
    await page.getByLabel('Year of study').fill('2');
    await page.getByLabel('Screenshot style').selectOption({ label: 'VS Code (dark)' });
    await page.getByLabel('Report file name').fill('{password}');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Report file name placeholders must be one of', { exact: false }).waitFor();
    expect(await page.locator('header .who').textContent()).toBe('Sam Settings');

    await page.getByLabel('Report file name').fill('{name}_{assignment}');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();
    expect(await page.locator('header .who').textContent()).toBe('Samantha Settings');
    await page.reload();
    await page.getByLabel('Institution').waitFor();
    expect(await page.getByLabel('Institution').inputValue()).toBe('Instituto Técnico');
    expect(await page.getByLabel('Screenshot style').inputValue()).toBe('vscode-dark');
    expect(await page.locator('header .who').textContent()).toBe('Samantha Settings');
  });

  it('lists two sessions with this device marked, and ending the other sends that browser to sign in', async () => {
    await otherPage.goto(`${base}/signin`);
    await signIn(otherPage, FIRST_PASSWORD);
    await otherPage.getByRole('heading', { level: 1, name: 'Your assignments' }).waitFor();

    await page.reload();
    const sessions = page.getByRole('list', { name: 'Signed-in sessions' }).getByRole('listitem');
    await expect.poll(() => sessions.count()).toBe(2);
    expect(await sessions.filter({ hasText: 'This device' }).count()).toBe(1);
    expect(await sessions.filter({ hasText: 'This device' }).getByRole('button').count()).toBe(0);
    expect(await sessions.first().textContent()).toContain('Chrome on Linux');
    await shoot(page, 'settings');

    await sessions.filter({ hasNotText: 'This device' }).getByRole('button', { name: /^End session: Chrome on Linux, signed in/ }).click();
    await page.getByText('You are not signed in anywhere else.').waitFor();
    expect(await sessions.count()).toBe(1);
    expect(await focused(page.getByRole('heading', { name: 'Where you are signed in' }))).toBe(true);

    await otherPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Upload' }).click();
    await otherPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assignments' }).click();
    await otherPage.getByText('Your session ended. Sign in again to carry on where you were.').waitFor();
  });

  it('changes the password after showing the policy’s reason, signs the other browser out, and signs in with the new one', async () => {
    await signIn(otherPage, FIRST_PASSWORD);
    await otherPage.getByRole('heading', { level: 1, name: 'Your assignments' }).waitFor();

    const form = page.locator('form', { has: page.getByRole('button', { name: 'Change password' }) });
    await form.getByLabel('Current password').fill('not my passphrase');
    await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel('New password again').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('Current password is not your current password.').waitFor();

    await form.getByLabel('Current password').fill(FIRST_PASSWORD);
    await form.getByLabel('New password', { exact: true }).fill('password123');
    await form.getByLabel('New password again').fill('password123');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('New password is one of the most common passwords; choose another.').waitFor();
    await shoot(page, 'settings-password-refused');

    await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel('New password again').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('Your password was changed. 1 other session was signed out; this one stays signed in.').waitFor();
    expect(await form.getByLabel('Current password').inputValue()).toBe('');

    await otherPage.goto(`${base}/settings`);
    await otherPage.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signIn(otherPage, FIRST_PASSWORD);
    await otherPage.getByRole('alert').filter({ hasText: 'The email or password is not correct.' }).waitFor();
    await signIn(otherPage, NEW_PASSWORD);
    await otherPage.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await signIn(page, NEW_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Your assignments' }).waitFor();
  });

  it('sends feedback with a rating and a counted message, and says so', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feedback' }).click();
    await page.getByRole('heading', { level: 1, name: 'Send feedback' }).waitFor();
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByText('Choose a rating from 1 to 5.').waitFor();
    await page.getByLabel('4 · Good').check();
    await page.getByLabel('Your message').fill(FEEDBACK);
    await page.getByText(`${FEEDBACK.length} of 4,000 characters`).waitFor();
    await shoot(page, 'feedback');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByText('Thank you. Your feedback was sent to the administrators.').first().waitFor();
    await expect.poll(() => page.getByTestId('announcer').textContent()).toBe('Thank you. Your feedback was sent to the administrators.');
    expect(await page.getByLabel('Your message').inputValue()).toBe('');
  });

  it('exports my data and downloads a zip with my account, profile and feedback in it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Export my data' }).click();
    const link = page.getByRole('link', { name: 'Download export' });
    await link.waitFor({ timeout: 60_000 });
    await expect.poll(() => focused(link)).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^labmate-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await JSZip.loadAsync(await readFile((await download.path()) ?? ''));
    const account = JSON.parse((await zip.file('account.json')?.async('string')) ?? '{}') as { user: Record<string, unknown>; profile: Record<string, unknown> };
    expect(account.user).toMatchObject({ email: EMAIL, display_name: 'Samantha Settings' });
    expect(account.profile).toMatchObject({ institution: 'Instituto Técnico', year: 2 });
    const data = JSON.parse((await zip.file('data.json')?.async('string')) ?? '{}') as { feedback: Array<{ rating: number; message: string }> };
    expect(data.feedback).toMatchObject([{ rating: 4, message: FEEDBACK }]);
    expect(JSON.stringify(account)).not.toContain('password_hash');
    await page.getByRole('button', { name: 'Make a new export' }).waitFor();
    await shoot(page, 'settings-export');
  });

  it('fits both pages in a phone’s width, with Settings and Feedback reachable from the header', async () => {
    const phone = await newTestContext(browser, { viewport: PHONE, storageState: await laptop.storageState() });
    const small = await phone.newPage();
    await small.goto(`${base}/settings`);
    await small.getByRole('button', { name: 'Make a new export' }).waitFor();
    await small.getByRole('list', { name: 'Signed-in sessions' }).waitFor();
    expect(await pageWidth(small)).toBeLessThanOrEqual(375);
    await shoot(small, 'settings');
    const nav = small.getByRole('navigation', { name: 'Main' });
    for (const name of ['Assignments', 'Upload', 'Feedback', 'Settings']) expect(await nav.getByRole('link', { name }).isVisible(), name).toBe(true);
    expect(await small.getByRole('banner').getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    await nav.getByRole('link', { name: 'Feedback' }).focus();
    await small.keyboard.press('Enter');
    await small.getByRole('heading', { level: 1, name: 'Send feedback' }).waitFor();
    expect(await pageWidth(small)).toBeLessThanOrEqual(375);
    await shoot(small, 'feedback');
    await phone.close();
  });

  it('has no serious or critical accessibility problems on settings, its delete dialog, and feedback (axe-core)', async () => {
    const axeSource = await loadAxe();
    const scan = await newTestContext(browser, { storageState: await laptop.storageState(), bypassCSP: true });
    const scanned = await scan.newPage();
    const problems: string[] = [];
    await scanned.goto(`${base}/settings`);
    await scanned.getByRole('button', { name: 'Make a new export' }).waitFor();
    await scanned.getByRole('list', { name: 'Signed-in sessions' }).waitFor();
    problems.push(...(await seriousViolations(scanned, axeSource)).map((problem) => `/settings: ${problem}`));
    await scanned.getByRole('button', { name: 'Delete my account…' }).click();
    await scanned.getByRole('dialog', { name: 'Delete your account?' }).waitFor();
    problems.push(...(await seriousViolations(scanned, axeSource)).map((problem) => `/settings dialog: ${problem}`));
    await scanned.goto(`${base}/feedback`);
    await scanned.getByRole('button', { name: 'Send feedback' }).waitFor();
    problems.push(...(await seriousViolations(scanned, axeSource)).map((problem) => `/feedback: ${problem}`));
    await scan.close();
    expect(problems).toEqual([]);
  });

  it('deletes the account only with the right password, lands signed out on the home page, and cannot sign in again', async () => {
    await page.goto(`${base}/settings`);
    const open = page.getByRole('button', { name: 'Delete my account…' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await dialog.getByText('Enter your password to confirm.', { exact: true }).waitFor();
    await dialog.getByLabel('Password').fill(FIRST_PASSWORD);
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await dialog.getByText('This is not your current password.').waitFor();
    await shoot(page, 'settings-delete-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => focused(open)).toBe(true);

    await open.click();
    await dialog.getByLabel('Password').fill(NEW_PASSWORD);
    await dialog.getByLabel('Password').press('Enter');
    await page.getByText('Your account and everything in it were deleted, and you are signed out everywhere.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).waitFor();
    await shoot(page, 'landing-account-deleted');

    await otherPage.goto(`${base}/assignments`);
    await otherPage.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signIn(otherPage, NEW_PASSWORD);
    await otherPage.getByRole('alert').filter({ hasText: 'The email or password is not correct.' }).waitFor();
    expect(consoleProblems).toEqual([]);
  });
});
