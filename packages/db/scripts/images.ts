/**
 * Generates the demo product pictures (`apps/web/public/products/<slug>.svg`): a gradient card with a
 * category icon and the product name. Output is committed; rerun after changing the catalog.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { demoCategories, demoProducts } from '../src/seed-data/catalog';
import type { DemoProduct } from '../src/seed-data/catalog';
import { runCli } from './cli';

const outDir = fileURLToPath(new URL('../../../apps/web/public/products/', import.meta.url));

const hues: Record<string, number> = {
  'coffee-tea': 24,
  kitchen: 350,
  stationery: 210,
  home: 150,
  outdoor: 95,
  audio: 265,
};

const icons: Record<string, string> = {
  'coffee-tea':
    '<path d="M-80 -30h130v50a65 65 0 0 1-130 0z"/><path d="M50 -10h18a28 28 0 0 1 0 56H45"/><path d="M-45 -70q-12-18 0-36M-10 -70q-12-18 0-36M25 -70q-12-18 0-36"/>',
  kitchen:
    '<circle cx="-15" cy="10" r="75"/><circle cx="-15" cy="10" r="45"/><path d="M58 -20l70-45"/>',
  stationery:
    '<path d="M-95 85l25-70 120-120 45 45-120 120z"/><path d="M-70 15l45 45M20 -75l45 45"/>',
  home: '<path d="M-95 0l95-85 95 85"/><path d="M-70 -20v105h140v-105"/><path d="M-20 85v-55h40v55"/>',
  outdoor: '<path d="M-110 80l70-110 40 55 30-40 80 95z"/><circle cx="65" cy="-65" r="24"/>',
  audio:
    '<path d="M-85 40v-20a85 85 0 0 1 170 0v20"/><rect x="-100" y="20" width="42" height="75" rx="16"/><rect x="58" y="20" width="42" height="75" rx="16"/>',
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One line if it fits, else the most balanced two lines, else greedy lines (at most three). */
function wrap(text: string, width = 22): string[] {
  if (text.length <= width) return [text];
  const words = text.split(' ');
  const splits = words
    .slice(1)
    .map((_, i) => [words.slice(0, i + 1).join(' '), words.slice(i + 1).join(' ')]);
  const best = splits.sort(
    (a, b) => Math.max(...a.map((l) => l.length)) - Math.max(...b.map((l) => l.length)),
  )[0];
  if (best && Math.max(...best.map((l) => l.length)) <= width + 4) return best;
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].slice(0, 3);
}

function svgFor(product: DemoProduct, index: number): string {
  const hue = (hues[product.category] ?? 0) + (index % 8) * 7;
  const categoryName = demoCategories.find((c) => c.slug === product.category)?.name ?? '';
  const lines = wrap(product.name);
  const firstLineY = 640 - (lines.length - 1) * 27;
  const text = lines
    .map((l, i) => `<tspan x="400" y="${firstLineY + i * 54}">${escapeXml(l)}</tspan>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800" role="img" aria-label="${escapeXml(product.name)}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue} 70% 62%)"/><stop offset="1" stop-color="hsl(${hue + 30} 55% 38%)"/></linearGradient></defs>
<rect width="800" height="800" fill="url(#g)"/>
<circle cx="${560 + (index % 3) * 40}" cy="${170 + (index % 4) * 20}" r="260" fill="#fff" opacity=".08"/>
<circle cx="400" cy="320" r="170" fill="#fff" opacity=".14"/>
<g transform="translate(400 320)" fill="none" stroke="#fff" stroke-width="14" stroke-linecap="round" stroke-linejoin="round">${icons[product.category] ?? ''}</g>
<text x="400" y="560" fill="#fff" opacity=".8" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="26" font-weight="600" letter-spacing="4" text-anchor="middle">${escapeXml(categoryName.toUpperCase())}</text>
<text fill="#fff" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="46" font-weight="700" text-anchor="middle">${text}</text>
</svg>
`;
}

runCli('db:images', async () => {
  await mkdir(outDir, { recursive: true });
  await Promise.all(demoProducts.map((p, i) => writeFile(`${outDir}${p.slug}.svg`, svgFor(p, i))));
  console.log(`db:images: wrote ${demoProducts.length} images to apps/web/public/products`);
});
