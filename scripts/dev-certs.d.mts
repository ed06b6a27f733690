/** Types of dev-certs.mjs (plain JS, loaded by webpack.serve.js and by scripts/start.ts). */
export declare const CERT_DIR: string;
export interface DevTls {
  readonly key: Buffer;
  readonly cert: Buffer;
  readonly ca: Buffer | undefined;
}
export declare function loadCertificates(options: { install: boolean }): Promise<{ tls: DevTls | undefined; note: string }>;
