/**
 * Hashes and random names, with node:crypto loaded on first use: a plain lint never needs it,
 * and loading it cost every start about 2 ms.
 */
import { createRequire } from 'node:module';

let crypto: typeof import('node:crypto') | undefined;
const nodeCrypto = (): typeof import('node:crypto') => (crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'));

/** SHA-256 of the bytes or text, in the encoding asked for. */
export const sha256 = (data: string | Uint8Array, encoding: 'hex' | 'base64url' = 'hex'): string =>
  nodeCrypto().createHash('sha256').update(data).digest(encoding);

/** `bytes` random bytes as hexadecimal, for private file names and lock nonces. */
export const randomHex = (bytes: number): string => nodeCrypto().randomBytes(bytes).toString('hex');
