#!/usr/bin/env node
// Makes certificates for TLS and mutual TLS on a development machine, with openssl:
//   ca.pem / ca.key           a CA that signs the others (TLS_CA, AIAAS_TLS_CA)
//   service.pem / service.key the services' identity, valid as server and as client, for
//                             localhost, 127.0.0.1, ::1 and the service names of the compose
//                             and Kubernetes files (TLS_CERT, TLS_KEY)
//   client.pem / client.key   a client's identity for mutual TLS (AIAAS_TLS_CERT, AIAAS_TLS_KEY)
// Never use them in production: the CA key sits beside them.
//
//   node scripts/dev-certs.mjs [--out DIR] [--days N]     (default ./certs, 365 days)
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'certs' }, days: { type: 'string', default: '365' } } });
const out = resolve(values.out);
const days = values.days;
const SERVICE_NAMES = ['localhost', 'gateway', 'preprocessing', 'training', 'evaluation', 'inference'];

mkdirSync(out, { recursive: true, mode: 0o700 });
const openssl = (...args) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
const path = (name) => join(out, name);

openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path('ca.key'), '-out', path('ca.pem'), '-days', days, '-subj', '/CN=aiaas dev CA');

/** A key and a certificate signed by the CA, with the given extensions. */
function issue(name, subject, extensions) {
  const extFile = path(`${name}.ext`);
  writeFileSync(extFile, extensions.join('\n'));
  openssl('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', path(`${name}.key`), '-out', path(`${name}.csr`), '-subj', subject);
  openssl('x509', '-req', '-in', path(`${name}.csr`), '-CA', path('ca.pem'), '-CAkey', path('ca.key'), '-CAcreateserial', '-out', path(`${name}.pem`), '-days', days, '-extfile', extFile);
  rmSync(extFile);
  rmSync(path(`${name}.csr`));
}

issue('service', '/CN=aiaas service', [
  `subjectAltName=${[...SERVICE_NAMES.map((name) => `DNS:${name}`), 'IP:127.0.0.1', 'IP:::1'].join(',')}`,
  'extendedKeyUsage=serverAuth,clientAuth',
]);
issue('client', '/CN=aiaas client', ['extendedKeyUsage=clientAuth']);
rmSync(path('ca.srl'), { force: true });
console.log(`certificates in ${out}: ca.pem, service.pem/service.key, client.pem/client.key (development only)`);
