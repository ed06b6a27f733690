/**
 * Office.onReady can come after the pane has given up waiting. With a shared runtime the page loads
 * once per session, so a late onReady must still connect the pane (it stays dead otherwise).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectOffice, OFFICE_READY_TIMEOUT_MS, type OfficeLike } from '../../src/taskpane/boot.js';

function deferredOffice(): { office: OfficeLike; ready: (host: string | null) => void } {
  let ready: (host: string | null) => void = () => undefined;
  const promise = new Promise<{ host: string | null }>((resolve) => (ready = (host) => resolve({ host })));
  return { office: { HostType: { Excel: 'Excel' }, context: { displayLanguage: 'en-US' }, onReady: () => promise }, ready };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('connecting to Office', () => {
  it('says "outside" after the timeout, and still switches to Excel when onReady comes late', async () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const { office, ready } = deferredOffice();
    connectOffice({ setEnvironment: (env) => void calls.push(env) }, office);
    vi.advanceTimersByTime(OFFICE_READY_TIMEOUT_MS);
    expect(calls).toEqual(['outside']);
    ready('Excel');
    await vi.runAllTimersAsync();
    expect(calls).toEqual(['outside', 'excel']);
  });
});
