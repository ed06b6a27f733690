/**
 * The one zod every schema imports: zod/mini (the same validation as classic zod at a fraction of
 * the bundle size, which matters because the custom-functions page loads these schemas before Excel
 * can calculate a CLAIM cell), with the English locale so messages say what is wrong.
 */
import en from 'zod/v4/locales/en.js';
import { config } from 'zod/mini';

// Only the English locale: `z.locales` would pull every language into the bundle.
config(en());

// Re-exported name by name (not as one namespace value) so bundlers drop what is unused.
export * from 'zod/mini';
