import net from 'node:net';
import os from 'node:os';

/** One plain-text email. */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

const TIMEOUT_MS = 15_000;

/** Refuses header values that could smuggle in headers or SMTP commands. */
function headerValue(name: string, value: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`${name} must be one line`);
  return value;
}

/** The address inside `Name <addr>` or the bare address. */
function envelopeAddress(value: string): string {
  return /<([^<>]+)>\s*$/.exec(value)?.[1] ?? value.trim();
}

/** Lines starting with a dot get a second one, and every line ends in CRLF, as DATA requires (RFC 5321 §4.5.2). */
function dotStuffed(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.startsWith('.') ? `.${line}` : line))
    .join('\r\n');
}

/** Reads SMTP replies (a code and possibly several lines) from a socket, one at a time, in order. */
function replyReader(socket: net.Socket) {
  let buffer = '';
  let lines: string[] = [];
  const replies: Array<{ code: number; text: string }> = [];
  const waiting: Array<{ resolve: (reply: { code: number; text: string }) => void; reject: (error: Error) => void }> = [];
  let failure: Error | undefined;

  const settle = () => {
    while (replies.length > 0 && waiting.length > 0) waiting.shift()!.resolve(replies.shift()!);
    if (failure) for (const waiter of waiting.splice(0)) waiter.reject(failure);
  };
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      lines.push(line.slice(4));
      // "250-" continues a reply; "250 " ends it.
      if (/^\d{3}(?: |$)/.test(line)) {
        replies.push({ code: Number(line.slice(0, 3)), text: lines.join('\n') });
        lines = [];
      }
    }
    settle();
  });
  const fail = (error: Error) => {
    failure ??= error;
    settle();
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('the SMTP server closed the connection')));
  return () =>
    new Promise<{ code: number; text: string }>((resolve, reject) => {
      waiting.push({ resolve, reject });
      settle();
    });
}

/**
 * Sends one message through the SMTP server of an `smtp://[user:pass@]host[:port]` URL: plain SMTP, with AUTH PLAIN
 * when the URL has credentials. Meant for a relay on the same machine or network (no TLS).
 */
export async function sendMail(smtpUrl: string, message: MailMessage): Promise<void> {
  const url = new URL(smtpUrl);
  if (url.protocol !== 'smtp:') throw new Error('only smtp:// URLs are supported');
  const from = headerValue('from', message.from);
  const to = headerValue('to', message.to);
  const subject = headerValue('subject', message.subject);
  const socket = net.connect({ host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 25) });
  socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error('the SMTP server did not answer in time')));
  const next = replyReader(socket);
  const expect = async (codes: number[], step: string) => {
    const reply = await next();
    if (!codes.includes(reply.code)) throw new Error(`SMTP ${step} refused: ${reply.code} ${reply.text}`);
  };
  const command = async (line: string, codes: number[], step: string) => {
    socket.write(`${line}\r\n`);
    await expect(codes, step);
  };
  try {
    await expect([220], 'greeting');
    await command(`EHLO ${os.hostname() || 'labmate'}`, [250], 'EHLO');
    if (url.username) {
      const credentials = Buffer.from(`\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`).toString('base64');
      await command(`AUTH PLAIN ${credentials}`, [235], 'AUTH');
    }
    await command(`MAIL FROM:<${envelopeAddress(from)}>`, [250], 'MAIL FROM');
    await command(`RCPT TO:<${envelopeAddress(to)}>`, [250, 251], 'RCPT TO');
    await command('DATA', [354], 'DATA');
    const headers = [
      `From: ${from}`,
      `To: ${to}`,
      `Subject: ${subject}`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
    ];
    await command(`${headers.join('\r\n')}\r\n\r\n${dotStuffed(message.text)}\r\n.`, [250], 'message');
    socket.write('QUIT\r\n');
  } finally {
    socket.end();
  }
}
