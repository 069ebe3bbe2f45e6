import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSmtpServer } from '../../test/mail/fake-smtp-server.js';
import { sendMail } from './smtp-client.js';

describe('sendMail', () => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtpServer>>;

  beforeAll(async () => {
    smtp = await startFakeSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('delivers a plain-text message with its envelope, headers and dot-stuffed body', async () => {
    await sendMail(smtp.url, { from: 'LabMate <noreply@labmate.test>', to: 'ana@example.com', subject: 'Hello', text: 'line one\n.hidden dot\nlast' });
    const mail = smtp.messages.at(-1)!;
    expect(mail.from).toBe('<noreply@labmate.test>');
    expect(mail.to).toEqual(['<ana@example.com>']);
    expect(mail.data).toContain('Subject: Hello\n');
    expect(mail.data).toContain('From: LabMate <noreply@labmate.test>\n');
    expect(mail.data.endsWith('line one\n.hidden dot\nlast\n')).toBe(true);
    expect(mail.auth).toBeUndefined();
  });

  it('authenticates with the credentials in the URL', async () => {
    const url = smtp.url.replace('smtp://', 'smtp://mailer:s%40cret@');
    await sendMail(url, { from: 'a@labmate.test', to: 'b@example.com', subject: 'x', text: 'y' });
    expect(smtp.messages.at(-1)!.auth).toBe('\0mailer\0s@cret');
  });

  it('refuses header values that would inject lines', async () => {
    await expect(sendMail(smtp.url, { from: 'a@labmate.test', to: 'b@example.com\r\nBcc: c@example.com', subject: 'x', text: 'y' })).rejects.toThrow(
      'to must be one line',
    );
  });

  it('rejects when the server is not there', async () => {
    const closed = await startFakeSmtpServer();
    await closed.close();
    await expect(sendMail(closed.url, { from: 'a@labmate.test', to: 'b@example.com', subject: 'x', text: 'y' })).rejects.toThrow();
  });
});
