import { expect } from 'vitest';

/** Awaits a promise expected to reject with an Office-like error and returns it. */
export async function officeError(p: Promise<unknown>): Promise<{ code: string; message: string; name: string; debugInfo: { code: string; errorLocation?: string; detail?: string } }> {
  let caught: unknown;
  try {
    await p;
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected the promise to reject').toBeDefined();
  return caught as never;
}
