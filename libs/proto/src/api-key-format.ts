import { randomBytes } from 'node:crypto';

/** `aiaas_<12 hex id>_<43 base64url chars: 32 random bytes>` */
const API_KEY_PATTERN = /^aiaas_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** A new API key: 48 random bits of id, 256 of secret. The gateway registers it (CreateApiKey, or ADMIN_API_KEY). */
export function generateApiKey(): string {
  return `aiaas_${randomBytes(6).toString('hex')}_${randomBytes(32).toString('base64url')}`;
}

/** An API key's id and secret, or undefined when it is not of the form `generateApiKey` makes. */
export function parseApiKey(key: string): { readonly keyId: string; readonly secret: string } | undefined {
  const match = API_KEY_PATTERN.exec(key);
  return match ? { keyId: match[1]!, secret: match[2]! } : undefined;
}
