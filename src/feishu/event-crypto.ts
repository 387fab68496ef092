import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/** The headers Feishu signs a delivery with. */
export interface SignatureHeaders {
  timestamp: string;
  nonce: string;
  signature: string;
}

/**
 * An event subscription's signature: hex sha256 over timestamp + nonce + encrypt key + the raw
 * body bytes exactly as received.
 */
export function eventSignature(
  timestamp: string,
  nonce: string,
  encryptKey: string,
  rawBody: Buffer | string,
): string {
  return createHash('sha256')
    .update(Buffer.concat([Buffer.from(timestamp + nonce + encryptKey), toBuffer(rawBody)]))
    .digest('hex');
}

/**
 * The older message-card callback's signature: hex sha1 over timestamp + nonce + verification
 * token + raw body (the scheme the SDK's CardActionHandler checks for plain card callbacks).
 */
export function legacyCardSignature(
  timestamp: string,
  nonce: string,
  verificationToken: string,
  rawBody: Buffer | string,
): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(timestamp + nonce + verificationToken), toBuffer(rawBody)]))
    .digest('hex');
}

/** Compares two hex digests in constant time; false for anything malformed. */
export function sameDigest(expected: string, given: string | undefined): boolean {
  if (!given || given.length !== expected.length) return false;

  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

/** The AES key: sha256 of the encrypt key. */
function aesKey(encryptKey: string): Buffer {
  return createHash('sha256').update(encryptKey).digest();
}

/**
 * Decrypts `{"encrypt": …}`: base64 of a 16-byte IV followed by AES-256-CBC ciphertext.
 * Throws on a bad key or a damaged body.
 */
export function decryptEvent(encrypted: string, encryptKey: string): string {
  const bytes = Buffer.from(encrypted, 'base64');
  if (bytes.length < 32) throw new Error('encrypted body too short');
  const decipher = createDecipheriv('aes-256-cbc', aesKey(encryptKey), bytes.subarray(0, 16));

  return Buffer.concat([decipher.update(bytes.subarray(16)), decipher.final()]).toString('utf8');
}

/** Encrypts as Feishu does (tests and the sandbox build deliveries with it). */
export function encryptEvent(plaintext: string, encryptKey: string): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', aesKey(encryptKey), iv);

  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

function toBuffer(body: Buffer | string): Buffer {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}
