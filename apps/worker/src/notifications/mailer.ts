/**
 * Sending an e-mail, through nodemailer. With `smtpUrl` the message goes to that SMTP server; without
 * it (development, tests) nodemailer's stream transport renders the same RFC 822 text and it is
 * written to `<mailDir>/<timestamp>-<messageId>.eml`, one file per message, which any mail client
 * opens. The caller chooses the Message-ID, so sending the same message twice (after a crash) gives
 * two copies a mail client can recognise as one.
 *
 * `send` resolves once the transport accepted the message and rejects otherwise (server down,
 * refused, timed out): the caller keeps the message pending and tries again later.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  /** `<…@…>`, chosen by the caller and kept across retries. */
  messageId: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** The Date: header; the first attempt's time, so a re-send is the same message. */
  date: Date;
}

export interface Mailer {
  /** Resolves with where the message went: the SMTP server's answer or the file written. */
  send(mail: OutgoingMail): Promise<{ ref: string }>;
  /** A Message-ID for `key` on the sender's domain, e.g. `<key@shop.test>`. */
  messageId(key: string): string;
  /** `smtp://host:port` or `files in <dir>`, for the start-up log (never the password). */
  readonly description: string;
  close(): void;
}

export interface MailerOptions {
  smtpUrl?: string;
  mailDir: string;
  /** The From: header, e.g. `Shop <orders@shop.test>`. */
  from: string;
}

/** Short enough that a dead server fails the job (and its retry comes) well within a minute. */
const smtpTimeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export function createMailer(options: MailerOptions): Mailer {
  const transport = options.smtpUrl
    ? smtpMailer(options.smtpUrl, options.from)
    : fileMailer(options);
  const domain = /@([\w.-]+)>?\s*$/.exec(options.from)?.[1] ?? 'localhost';
  return { ...transport, messageId: (key) => `<${key}@${domain}>` };
}

function smtpMailer(smtpUrl: string, from: string): Omit<Mailer, 'messageId'> {
  const transport = nodemailer.createTransport({ url: smtpUrl, ...smtpTimeouts }, { from });
  const url = new URL(smtpUrl);
  return {
    description: `${url.protocol}//${url.host}`,
    async send(mail) {
      const info = await transport.sendMail(mail);
      return { ref: info.response };
    },
    close: () => transport.close(),
  };
}

function fileMailer({ mailDir, from }: MailerOptions): Omit<Mailer, 'messageId'> {
  const transport = nodemailer.createTransport(
    { streamTransport: true, buffer: true, newline: 'unix' },
    { from },
  );
  return {
    description: `files in ${mailDir}`,
    async send(mail) {
      const info = await transport.sendMail(mail);
      if (!Buffer.isBuffer(info.message)) throw new Error('nodemailer returned no message buffer');
      await mkdir(mailDir, { recursive: true });
      const file = path.join(mailDir, `${fileStamp(new Date())}-${fileSafe(mail.messageId)}.eml`);
      // Written aside and renamed, so a watcher of the folder never reads half a message.
      const partial = `${file}.partial`;
      await writeFile(partial, info.message);
      await rename(partial, file);
      return { ref: file };
    },
    close: () => transport.close(),
  };
}

const fileStamp = (at: Date) => at.toISOString().replace(/[:.]/g, '-');
const fileSafe = (messageId: string) => messageId.replace(/^<|>$/g, '').replace(/[^\w.@-]/g, '_');
