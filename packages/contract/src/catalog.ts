import { z } from 'zod';
import { text } from './text';

export const catalogSorts = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;
export type CatalogSort = (typeof catalogSorts)[number];

export const slug = text()
  .trim()
  .min(1, 'Slug is required')
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Slug may contain lower-case letters, digits and dashes');

/** The longest search text, in characters. */
export const searchTextMaxLength = 100;

export const catalogListInput = z
  .object({
    q: text()
      .trim()
      .max(searchTextMaxLength, `Search text is at most ${searchTextMaxLength} characters`)
      .optional(),
    category: slug.optional(),
    sort: z.enum(catalogSorts).default('relevance'),
    limit: z.number().int().min(1).max(100).default(24),
    cursor: text().max(500).nullish(),
  })
  .prefault({});
export type CatalogListInput = z.input<typeof catalogListInput>;

export const catalogGetInput = z.object({ slug });
export type CatalogGetInput = z.infer<typeof catalogGetInput>;
