import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A certificate and its private key, both PEM. */
export interface KeyPair {
  readonly cert: string;
  readonly key: string;
}

/**
 * Certificates for TLS tests, made fresh with the `openssl` CLI on every run (nothing secret is
 * committed). All keys are EC prime256v1, so the whole set takes well under a second.
 */
export interface TestPki {
  /** The private root CA (PEM certificate), to hand to a client as an extra trusted CA. */
  readonly caCert: string;
  /** Signed by the CA for IP:127.0.0.1 and DNS:localhost, valid now. */
  readonly server: KeyPair;
  /** Signed by the CA for 127.0.0.1/localhost, but valid only in 2020. */
  readonly expired: KeyPair;
  /** Signed by the CA, valid now, but for DNS:mail.example.org only. */
  readonly wrongHost: KeyPair;
  /** Self-signed for 127.0.0.1/localhost (no CA at all). */
  readonly selfSigned: KeyPair;
  /** Removes the temp folder. */
  cleanup(): Promise<void>;
}

const LOOPBACK_SAN = 'IP:127.0.0.1,DNS:localhost';
const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/**
 * One self-contained config so the system openssl.cnf (and its default extensions) never matters.
 * `[ca_*]` sections serve `openssl ca`, which is the only way OpenSSL 3.0 can set past validity dates
 * (`req -not_before/-not_after` arrived in 3.4).
 */
function config(dir: string): string {
  return `
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ v3_ca ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ server_loopback ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = ${LOOPBACK_SAN}
authorityKeyIdentifier = keyid
[ server_wronghost ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:mail.example.org
authorityKeyIdentifier = keyid
[ self_signed ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = ${LOOPBACK_SAN}
[ ca ]
default_ca = test_ca
[ test_ca ]
dir = ${dir}
database = ${dir}/index.txt
new_certs_dir = ${dir}
serial = ${dir}/serial
certificate = ${dir}/ca.pem
private_key = ${dir}/ca.key
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
[ policy_any ]
commonName = supplied
`;
}

async function openssl(dir: string, args: readonly string[]): Promise<void> {
  try {
    await run('openssl', [...args], { cwd: dir, env: { ...process.env, OPENSSL_CONF: join(dir, 'openssl.cnf') } });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`openssl ${args[0]} failed: ${e.stderr ?? e.message}`);
  }
}

/** A key and a certificate signing request for `cn`. */
async function csr(dir: string, cfg: string, name: string, cn: string): Promise<void> {
  await openssl(dir, ['req', '-new', '-config', cfg, ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`]);
}

async function pair(dir: string, name: string): Promise<KeyPair> {
  const [cert, key] = await Promise.all([readFile(join(dir, `${name}.pem`), 'utf8'), readFile(join(dir, `${name}.key`), 'utf8')]);
  return { cert, key };
}

/** Generates the whole set into a new temp folder. */
export async function createTestPki(): Promise<TestPki> {
  const dir = await mkdtemp(join(tmpdir(), 'concierge-pki-'));
  const cfg = join(dir, 'openssl.cnf');
  await Promise.all([writeFile(cfg, config(dir)), writeFile(join(dir, 'index.txt'), ''), writeFile(join(dir, 'serial'), '1000\n')]);

  // The root CA and the self-signed leaf do not depend on each other.
  await Promise.all([
    openssl(dir, ['req', '-x509', '-config', cfg, ...EC, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Concierge Test Root CA', '-extensions', 'v3_ca']),
    openssl(dir, ['req', '-x509', '-config', cfg, ...EC, '-keyout', 'self.key', '-out', 'self.pem', '-days', '2', '-subj', '/CN=localhost', '-extensions', 'self_signed']),
    csr(dir, cfg, 'server', '127.0.0.1'),
    csr(dir, cfg, 'expired', '127.0.0.1'),
    csr(dir, cfg, 'wronghost', 'mail.example.org'),
  ]);

  const sign = (name: string, ext: string, serial: string) =>
    openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', serial, '-days', '2', '-sha256', '-extfile', cfg, '-extensions', ext, '-out', `${name}.pem`]);
  await Promise.all([sign('server', 'server_loopback', '0x01'), sign('wronghost', 'server_wronghost', '0x02')]);
  // `openssl ca` writes its database, so it runs on its own.
  await openssl(dir, ['ca', '-batch', '-config', cfg, '-notext', '-startdate', '20200101000000Z', '-enddate', '20200102000000Z', '-extfile', cfg, '-extensions', 'server_loopback', '-in', 'expired.csr', '-out', 'expired.pem']);

  const [caCert, server, expired, wrongHost, selfSigned] = await Promise.all([readFile(join(dir, 'ca.pem'), 'utf8'), pair(dir, 'server'), pair(dir, 'expired'), pair(dir, 'wronghost'), pair(dir, 'self')]);
  return { caCert, server, expired, wrongHost, selfSigned, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
