/**
 * `npm install` on the Node version README and `engines` state shows no engine warning: every
 * package in the lockfile that declares `engines.node` accepts the lowest version `engines` allows.
 * (webpack-cli 7 pulled in rechoir 1, which asks for Node 22.15; webpack-cli 6 does not.)
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }> };

describe('the lockfile and engines', () => {
  it('every locked package accepts the lowest Node version engines allows', () => {
    const lowest = semver.minVersion(manifest.engines.node)!.version;
    const refusing = Object.entries(lock.packages)
      .filter(([name, pkg]) => name !== '' && pkg.engines && !Array.isArray(pkg.engines) && pkg.engines.node)
      .filter(([, pkg]) => !semver.satisfies(lowest, (pkg.engines as { node: string }).node, { includePrerelease: true }))
      .map(([name, pkg]) => `${name} wants node ${(pkg.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });
});
