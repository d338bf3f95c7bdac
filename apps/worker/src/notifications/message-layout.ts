/**
 * One e-mail's content, laid out twice from the same parts: a plain-text body and a simple HTML
 * body. Every value is escaped in the HTML — names and product names are typed by people.
 */
export interface MessageContent {
  subject: string;
  /** Greeted by name in the first line. */
  recipientName: string;
  paragraphs: string[];
  /** Label → value pairs (order id, references), shown as a short list. */
  facts?: [string, string][];
  /** An itemised table (e.g. the order's lines) with its total. */
  table?: { rows: [string, string][]; total: [string, string] };
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

const signature = 'Shop';

export function renderMessage(content: MessageContent): RenderedMessage {
  return { subject: content.subject, text: asText(content), html: asHtml(content) };
}

function asText({ recipientName, paragraphs, facts, table }: MessageContent): string {
  const blocks = [`Hello ${recipientName},`, ...paragraphs];
  if (facts?.length) blocks.push(facts.map(([label, value]) => `${label}: ${value}`).join('\n'));
  if (table) {
    const rows = [...table.rows, table.total];
    const width = Math.max(...rows.map(([label]) => label.length));
    blocks.push(rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n'));
  }
  blocks.push(`— ${signature}`);
  return `${blocks.join('\n\n')}\n`;
}

function asHtml({ subject, recipientName, paragraphs, facts, table }: MessageContent): string {
  const parts = [`<p>Hello ${escapeHtml(recipientName)},</p>`];
  parts.push(...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`));
  if (facts?.length)
    parts.push(
      `<ul>${facts.map(([label, value]) => `<li>${escapeHtml(label)}: <strong>${escapeHtml(value)}</strong></li>`).join('')}</ul>`,
    );
  if (table) {
    const row = ([label, value]: [string, string], cell: 'td' | 'th') =>
      `<tr><${cell} align="left">${escapeHtml(label)}</${cell}><${cell} align="right">${escapeHtml(value)}</${cell}></tr>`;
    parts.push(
      `<table cellpadding="4">${table.rows.map((r) => row(r, 'td')).join('')}${row(table.total, 'th')}</table>`,
    );
  }
  parts.push(`<p>— ${signature}</p>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family: sans-serif">${parts.join('')}</body></html>`;
}

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char);
}
