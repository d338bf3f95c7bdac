/**
 * Reading what the mailer wrote: the `.eml` files of a mail folder, and a message's headers and
 * decoded text/plain and text/html parts (quoted-printable or base64, as nodemailer chose), so
 * tests can assert on what the shopper reads rather than on its transfer encoding.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface ReadMessage {
  raw: string;
  headers: Map<string, string>;
  text: string;
  html: string;
}

export async function emlFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => path.join(dir, name));
}

export async function readEmlFolder(dir: string): Promise<ReadMessage[]> {
  return Promise.all(
    (await emlFiles(dir)).map(async (file) => parseEml(await readFile(file, 'utf8'))),
  );
}

export function parseEml(raw: string): ReadMessage {
  const message = raw.replace(/\r\n/g, '\n');
  const [head = '', ...rest] = message.split('\n\n');
  const headers = parseHeaders(head);
  const boundary = /boundary="?([^";\n]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary
    ? rest
        .join('\n\n')
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((part) => part.replace(/^\n/, ''))
    : [`${head}\n\n${rest.join('\n\n')}`];
  const decoded = parts.map(decodePart);
  const find = (type: string) => decoded.find((part) => part.type === type)?.body ?? '';
  return { raw, headers, text: find('text/plain'), html: find('text/html') };
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`), as non-ASCII headers are sent. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([\w-]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset, mode: string, text: string) =>
      mode.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function decodePart(part: string): { type: string; body: string } {
  const split = part.indexOf('\n\n');
  const headers = parseHeaders(part.slice(0, split));
  const body = part.slice(split + 2);
  const type = (headers.get('content-type') ?? 'text/plain').split(';')[0]!.trim();
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  if (encoding === 'base64') return { type, body: Buffer.from(body, 'base64').toString('utf8') };
  if (encoding === 'quoted-printable') return { type, body: decodeQuotedPrintable(body) };
  return { type, body };
}
