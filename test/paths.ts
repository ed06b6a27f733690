import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Project root (the folder holding package.json). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The article under audit, read from the shared seeds beside the project, as CI lays them out. */
export const ARTICLE_PATH = resolve(ROOT, '../shared/seeds/000_06064889ae2eb9f6.txt');
export const readArticle = (): string => readFileSync(ARTICLE_PATH, 'utf8');
