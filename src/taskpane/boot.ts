/**
 * Connecting the task pane to Office. Office.onReady can be slow (a cold start, a slow network for
 * office.js); after `timeoutMs` the pane says it runs outside Excel, but it keeps listening: with a
 * shared runtime (`lifetime="long"`) the page is loaded once per session, so a late onReady must still
 * bring the pane to life instead of leaving it dead until Excel restarts.
 */

/** The part of the task pane the boot code drives. */
export interface BootShell {
  setEnvironment(env: 'excel' | 'outside', displayLanguage?: string, preview?: boolean): void;
}

/** The part of office.js the boot code reads. */
export interface OfficeLike {
  readonly HostType: { readonly Excel: string };
  readonly context?: { readonly displayLanguage?: string };
  onReady(): Promise<{ host: string | null }>;
}

/** How long to wait for Office.onReady before saying the pane runs outside Office (it may still come). */
export const OFFICE_READY_TIMEOUT_MS = 5000;

export function connectOffice(shell: BootShell, office: OfficeLike | undefined, timeoutMs = OFFICE_READY_TIMEOUT_MS): void {
  if (office === undefined || typeof office.onReady !== 'function') {
    shell.setEnvironment('outside');
    return;
  }
  const timer = setTimeout(() => shell.setEnvironment('outside'), timeoutMs);
  office
    .onReady()
    .then((info) => {
      clearTimeout(timer);
      if (info.host === office.HostType.Excel) {
        shell.setEnvironment('excel', office.context?.displayLanguage, (office as { __preview?: boolean }).__preview === true);
      } else {
        shell.setEnvironment('outside');
      }
    })
    .catch(() => {
      clearTimeout(timer);
      shell.setEnvironment('outside');
    });
}
