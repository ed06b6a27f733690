/**
 * `npm start` in smoke mode: builds into its own directory, serves over https (Office dev
 * certificates) or, failing that, http — and fetches taskpane.html and functions.json once.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npm start (smoke mode)', () => {
  it('builds, serves taskpane.html and functions.json, prints the URL and sideload help, exits 0', async () => {
    const { code, log } = await new Promise<{ code: number; log: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts', '--port', '0'],
        {
          cwd: root,
          env: { ...process.env, CLAIMCELL_START_SMOKE: '1', CLAIMCELL_DIST: path.join(root, 'test-artifacts', 'start-dist') },
          maxBuffer: 64 * 1024 * 1024,
          timeout: 150_000,
        },
        (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, log: stdout + stderr }),
      );
    });
    expect(log, log).toMatch(/SMOKE PASSED/);
    expect(code).toBe(0);
    expect(log).toMatch(/Task pane:\s+(https:\/\/localhost|http:\/\/127\.0\.0\.1):\d+\/taskpane\.html/);
    expect(log).toMatch(/SMOKE OK GET \S+\/taskpane\.html -> 200 text\/html/);
    expect(log).toMatch(/SMOKE OK GET \S+\/functions\.json -> 200 application\/json/);
    expect(log).toContain('manifest.xml');
    expect(log).toContain('npm run start:desktop');
    expect(log).toMatch(/Upload My Add-in/);
    if (log.includes('http://127.0.0.1')) expect(log).toMatch(/WARNING: no Office dev certificates/);
  }, 180_000);
});
