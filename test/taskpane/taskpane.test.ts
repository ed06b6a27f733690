/**
 * The built task pane in headless Chromium (no Office, no internet): inside a fake Excel host it
 * follows Office.context.displayLanguage, registers the custom functions through CustomFunctions.associate
 * in the same page (shared runtime), and the buttons report "not available yet"; outside Office it
 * says so; the language switch works; axe finds no accessibility violations.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = path.join(root, 'test-artifacts', 'taskpane-dist');
const ORIGIN = 'https://claimcell.test.invalid/';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const FAKE_OFFICE = `
  window.__associated = [];
  window.Office = {
    HostType: { Excel: 'Excel' },
    context: { displayLanguage: 'zh-CN' },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
  };
  window.CustomFunctions = {
    associate: (id, fn) => { window.__associated.push(id); },
    Error: class extends Error { constructor(code, message) { super(message); this.code = code; } },
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!' },
  };
`;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

let browser: Browser;
const external: string[] = [];

/** A fake office.js whose onReady answers only after the pane's 5 s timeout (a slow cold start). */
const LATE_OFFICE = FAKE_OFFICE.replace(
  "onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' })",
  "onReady: () => new Promise((resolve) => setTimeout(() => resolve({ host: 'Excel', platform: 'PC' }), 6000))",
);

/** Scripts of ClaimCell's origin the page asked for (by file name). */
const requestedScripts: string[] = [];

async function openPane(office: 'fake-excel' | 'late-excel' | 'unreachable', userAgent?: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', ...(userAgent ? { userAgent } : {}) });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) {
      if (office === 'fake-excel') await route.fulfill({ contentType: 'text/javascript', body: FAKE_OFFICE });
      else if (office === 'late-excel') await route.fulfill({ contentType: 'text/javascript', body: LATE_OFFICE });
      else await route.abort('internetdisconnected');
      return;
    }
    if (url.startsWith(ORIGIN)) {
      const file = path.join(outDir, new URL(url).pathname);
      if (file.endsWith('.js')) requestedScripts.push(path.basename(file));
      if (existsSync(file)) {
        await route.fulfill({ contentType: TYPES[path.extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
        return;
      }
      await route.fulfill({ status: 404, body: 'not found' });
      return;
    }
    external.push(url);
    await route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${ORIGIN}taskpane.html`);
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

describe('task pane shell (headless Chromium)', () => {
  beforeAll(async () => {
    const cli = path.join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
    await promisify(execFile)(process.execPath, [cli, '--mode', 'development', '--env', `outDir=${outDir}`], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('inside (fake) Excel: follows displayLanguage zh-CN and registers the custom functions in the same page', async () => {
    const page = await openPane('fake-excel');
    await expect.poll(() => page.locator('#status').textContent()).toBe('已连接到 Excel，准备就绪。');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('#fill-workbook').textContent()).toBe('填充工作簿');
    const associated = (await page.evaluate('window.__associated')) as string[];
    expect(associated).toEqual(expect.arrayContaining(['TARIFF_REVENUE', 'DEBT_SHARE']));
    await page.click('#fill-workbook');
    await expect.poll(() => page.locator('#status').textContent()).toBe('暂不可用。');
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('outside Office (office.js unreachable): says so, buttons answer "not available yet", language switch works', async () => {
    const page = await openPane('unreachable');
    await expect.poll(() => page.locator('#status').textContent()).toBe('Running outside Excel.');
    expect(await page.locator('#status').getAttribute('role')).toBe('status');
    expect(await page.locator('#status').getAttribute('aria-live')).toBe('polite');
    await page.click('#reset-workbook');
    await expect.poll(() => page.locator('#status').textContent()).toBe('Not available yet.');
    await page.selectOption('#lang', 'zh');
    expect(await page.locator('#reset-workbook').textContent()).toBe('恢复为文章数值');
    expect(await page.locator('#status').textContent()).toBe('暂不可用。');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('a late Office.onReady (after the 5 s timeout) still connects the pane: the shared runtime loads it only once', async () => {
    const page = await openPane('late-excel');
    await expect.poll(() => page.locator('body').getAttribute('data-env'), { timeout: 5_500 }).toBe('outside');
    await expect.poll(() => page.locator('body').getAttribute('data-env'), { timeout: 10_000 }).toBe('excel');
    expect(await page.locator('#status').textContent()).toBe('已连接到 Excel，准备就绪。');
    await page.context().close();
  }, 60_000);

  for (const [webview, userAgent] of [
    ['Internet Explorer 11 (Office 2016)', 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko'],
    ['EdgeHTML (Office 2019)', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041'],
  ] as const) {
    it(`in ${webview}: the loader says which Office versions are supported, in English and Chinese, and loads no bundle`, async () => {
      requestedScripts.length = 0;
      const page = await openPane('fake-excel', userAgent);
      await expect.poll(() => page.locator('body').getAttribute('data-env')).toBe('unsupported');
      const message = page.locator('#unsupported');
      expect(await message.getAttribute('role')).toBe('alert');
      expect(await message.locator('p[lang="en"]').textContent()).toMatch(/Microsoft 365.*Office 2021 or later.*Excel on the web/);
      expect(await message.locator('p[lang="zh-CN"]').textContent()).toMatch(/Office 2021 及更高版本/);
      expect(await page.locator('main').isVisible()).toBe(false);
      expect(requestedScripts).toEqual(['loader.js']);
      expect((page as Page & { errors?: string[] }).errors).toEqual([]);
      await page.context().close();
    }, 60_000);
  }

  it('in a current webview the loader loads every bundle, in order', async () => {
    requestedScripts.length = 0;
    const page = await openPane('fake-excel');
    await expect.poll(() => page.locator('body').getAttribute('data-env')).toBe('excel');
    expect(requestedScripts).toEqual(['loader.js', 'runtime.js', 'shared.js', 'taskpane.js', 'functions.js']);
    await page.context().close();
  }, 60_000);

  it('has no axe-core accessibility violations and fetches nothing else from the internet', async () => {
    const page = await openPane('unreachable');
    await expect.poll(() => page.locator('body').getAttribute('data-env')).toBe('outside');
    await page.addScriptTag({ path: path.join(root, 'node_modules', 'axe-core', 'axe.min.js') });
    const violations = (await page.evaluate(
      'axe.run(document).then(r => r.violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", ")))',
    )) as string[];
    expect(violations).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  }, 60_000);
});
