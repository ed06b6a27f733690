// `npm run cli`: runs the prebuilt CLI bundle, rebuilding it first when a source is newer.
import { pathToFileURL } from 'node:url';
import { buildCliBundle, CLI_BUNDLE, isBundleFresh } from './cli-bundle.mjs';

if (!isBundleFresh()) await buildCliBundle();
await import(pathToFileURL(CLI_BUNDLE).href);
