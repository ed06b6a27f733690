/**
 * Runs the production build once (into test-artifacts/, so it never races `npm start` or other
 * tests over dist/) and checks what would ship: functions metadata, Office.js from Microsoft's CDN,
 * a manifest rewritten to the production origin, and no GPL code (HyperFormula is a GPL dev
 * dependency used only by tests).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateManifest } from '../../src/manifest/validate.js';
import { engineProblems } from '../../webpack.engine.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = path.join(root, 'test-artifacts', 'dist-licences');
const ORIGIN = 'https://claimcell.test.invalid/addin/';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

const read = (name: string): string => readFileSync(path.join(outDir, name), 'utf8');

describe('production build (dist)', () => {
  let buildLog = '';

  beforeAll(async () => {
    rmSync(outDir, { recursive: true, force: true });
    const cli = path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [cli, '--mode', 'production', '--env', `outDir=${outDir}`],
      { cwd: root, env: { ...process.env, CLAIMCELL_ORIGIN: ORIGIN }, maxBuffer: 64 * 1024 * 1024 },
    );
    buildLog = stdout + stderr;
  }, 180_000);

  it('compiles without errors', () => {
    expect(buildLog).toMatch(/compiled successfully/);
  });

  it('ships only bundles every supported host can parse (ES2020, no regex lookbehind)', () => {
    const bundles = listFiles(outDir).filter((f) => f.endsWith('.js'));
    expect(bundles.length).toBeGreaterThan(2);
    for (const file of bundles) expect(engineProblems(readFileSync(file, 'utf8')), path.basename(file)).toEqual([]);
  });

  it('emits functions.json with namespace-free ids including TARIFF_REVENUE and DEBT_SHARE', () => {
    const meta = JSON.parse(read('functions.json')) as { functions: { id: string; name: string }[] };
    const ids = meta.functions.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['TARIFF_REVENUE', 'DEBT_SHARE']));
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9_]*$/); // no "CLAIM." prefix, no dots
    expect(new Set(ids).size).toBe(ids.length);
    // the loader appended one CustomFunctions.associate per function to the bundle
    const js = read('functions.js');
    for (const id of ids) expect(js).toContain(`CustomFunctions.associate("${id}"`);
    // zh-CN metadata ships next to it
    expect(existsSync(path.join(outDir, 'functions.zh-CN.json'))).toBe(true);
  });

  it('taskpane.html loads office.js from the Microsoft CDN and both bundles (shared runtime)', () => {
    const html = read('taskpane.html');
    expect(html).toMatch(/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
    // The ES5 loader loads the bundles it lists, in order (or explains on an old webview why it cannot).
    expect(html).toMatch(/id="?claimcell-loader"? src="?loader\.js"?/);
    const bundles = /data-bundles="([^"]*)"/.exec(html)?.[1]?.split(' ') ?? [];
    expect(bundles).toEqual(expect.arrayContaining(['taskpane.js', 'functions.js']));
    expect(bundles.indexOf('taskpane.js')).toBeLessThan(bundles.indexOf('functions.js'));
    // office.js comes before the add-in's scripts
    expect(html.indexOf('office.js')).toBeLessThan(html.indexOf('loader.js'));
    // nothing else is fetched from another origin
    const external = [...html.matchAll(/(?:src|href)="?(https?:[^"\s>]+)/g)].map((m) => m[1]);
    expect(external).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
  });

  it('rewrites every manifest URL to the production origin (no localhost) and the result is valid', () => {
    const xml = read('manifest.xml');
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(xml).toContain(`${ORIGIN}taskpane.html`);
    expect(xml).toContain(`${ORIGIN}functions.zh-CN.json`);
    expect(xml).toContain('<AppDomain>https://claimcell.test.invalid</AppDomain>');
    expect(validateManifest(xml).problems).toEqual([]);
    for (const asset of ['assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png']) {
      expect(existsSync(path.join(outDir, asset)), asset).toBe(true);
    }
  });

  it('contains no HyperFormula code and no GPL licence text', () => {
    const files = listFiles(outDir).filter((f) => !f.endsWith('.png'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const rel = path.relative(outDir, file);
      // .map files embed our own sources, whose comments may name the tests' HyperFormula oracle;
      // for them the `sources` list below is the check that matters.
      if (!rel.endsWith('.map')) expect(text, rel).not.toMatch(/hyperformula/i);
      expect(text, rel).not.toMatch(/gpl-v3|GNU (Lesser |Affero )?General Public License|SPDX-License-Identifier:\s*\(?\s*[LA]?GPL/i);
    }
    // and no bundled module came from the hyperformula package (source maps list every source)
    for (const map of files.filter((f) => f.endsWith('.js.map'))) {
      const sources = (JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }).sources;
      expect(sources.filter((s) => /node_modules\/hyperformula\//.test(s))).toEqual([]);
    }
  });
});
