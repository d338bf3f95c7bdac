/**
 * The mailer's two transports for real: nodemailer's stream transport writing `.eml` files to a
 * temporary folder, and SMTP over a socket to the test sink — or to a port nobody listens on.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEml, readEmlFolder } from '../../test/eml';
import { freePort, startSmtpSink } from '../../test/smtp-sink';
import { createMailer, type OutgoingMail } from './mailer';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function mailDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'shop-mail-'));
  folders.push(dir);
  return path.join(dir, 'mail');
}

const mail = (messageId: string): OutgoingMail => ({
  messageId,
  to: { name: 'Kim Minsu', address: 'kim@example.com' },
  subject: 'Your order ord_1 is confirmed',
  text: 'Total: ₩23,000\n',
  html: '<p>Total: <strong>₩23,000</strong></p>',
  date: new Date('2030-01-02T03:04:05Z'),
});

describe('createMailer', () => {
  it('without SMTP_URL writes one .eml per message, named by time and Message-ID', async () => {
    const dir = await mailDir();
    const mailer = createMailer({ mailDir: dir, from: 'Shop <orders@shop.test>' });
    const messageId = mailer.messageId('order-confirmation.0b4c');
    expect(messageId).toBe('<order-confirmation.0b4c@shop.test>');

    const { ref } = await mailer.send(mail(messageId));

    const names = await readdir(dir);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d-]+Z-order-confirmation\.0b4c@shop\.test\.eml$/);
    expect(ref).toBe(path.join(dir, names[0]!));
    const [message] = await readEmlFolder(dir);
    expect(message?.headers.get('message-id')).toBe(messageId);
    expect(message?.headers.get('from')).toBe('Shop <orders@shop.test>');
    expect(message?.headers.get('to')).toBe('Kim Minsu <kim@example.com>');
    expect(message?.headers.get('date')).toBe('Wed, 02 Jan 2030 03:04:05 +0000');
    expect(message?.text).toContain('Total: ₩23,000');
    expect(message?.html).toContain('<strong>₩23,000</strong>');
    mailer.close();
  });

  it('with SMTP_URL hands the same message to the server', async () => {
    const sink = await startSmtpSink();
    const mailer = createMailer({
      smtpUrl: sink.url,
      mailDir: 'unused',
      from: 'Shop <orders@shop.test>',
    });
    try {
      const { ref } = await mailer.send(mail('<m1@shop.test>'));
      expect(ref).toMatch(/^250 /);
      expect(sink.messages).toHaveLength(1);
      expect(parseEml(sink.messages[0]!).headers.get('message-id')).toBe('<m1@shop.test>');
      expect(mailer.description).toBe(sink.url);
    } finally {
      mailer.close();
      await sink.close();
    }
  });

  it('rejects when the SMTP server cannot be reached', async () => {
    const port = await freePort();
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailDir: 'unused',
      from: 'Shop <orders@shop.test>',
    });
    await expect(mailer.send(mail('<m2@shop.test>'))).rejects.toThrow(/ECONNREFUSED/);
    mailer.close();
  });
});
