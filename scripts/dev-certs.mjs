// The Office dev certificates for the dev server (webpack.config.js devServer, `npm start`), as
// Microsoft's add-in template takes them from office-addin-dev-certs, with two differences:
// - on Linux the CA is not trusted system-wide unless asked (CLAIMCELL_TRUST_CERTS=1): trusting runs
//   `sudo`, whose password prompt would block `npm start`, and there is no Excel desktop there;
// - smoke mode (`--once`) never installs anything: it reuses the files or only generates them.
// With no certificate at all, the caller serves plain http and says so.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as devCerts from 'office-addin-dev-certs';

export const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');
const files = {
  key: path.join(CERT_DIR, 'localhost.key'),
  cert: path.join(CERT_DIR, 'localhost.crt'),
  ca: path.join(CERT_DIR, 'ca.crt'),
};

/** @returns {{ key: Buffer, cert: Buffer, ca: Buffer | undefined } | undefined} */
function readCerts() {
  if (!existsSync(files.key) || !existsSync(files.cert)) return undefined;
  return { key: readFileSync(files.key), cert: readFileSync(files.cert), ca: existsSync(files.ca) ? readFileSync(files.ca) : undefined };
}

/**
 * The https options of the dev server, or none (and why).
 * @param {{ install: boolean }} options install: try to install and trust the CA (off in smoke mode)
 * @returns {Promise<{ tls: { key: Buffer, cert: Buffer, ca: Buffer | undefined } | undefined, note: string }>}
 */
export async function loadCertificates({ install }) {
  const trust = process.platform !== 'linux' || process.env.CLAIMCELL_TRUST_CERTS === '1';
  if (install && trust) {
    try {
      await devCerts.ensureCertificatesAreInstalled();
    } catch (err) {
      const msg = String(err instanceof Error ? err.message : err).split('\n')[0] ?? '';
      console.warn(`office-addin-dev-certs could not install/trust the CA (${msg}); using the certificate files if present.`);
    }
  }
  let tls = readCerts();
  if (!tls) {
    try {
      await devCerts.generateCertificates(files.ca, files.cert, files.key);
    } catch (err) {
      return { tls: undefined, note: `could not generate dev certificates: ${err instanceof Error ? err.message : String(err)}` };
    }
    tls = readCerts();
  }
  return tls ? { tls, note: `certificates from ${CERT_DIR}` } : { tls: undefined, note: `no certificates in ${CERT_DIR}` };
}
