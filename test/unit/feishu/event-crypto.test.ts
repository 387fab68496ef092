import * as lark from '@larksuiteoapi/node-sdk';
import { describe, expect, it } from 'vitest';
import {
  decryptEvent,
  encryptEvent,
  eventSignature,
  legacyCardSignature,
  sameDigest,
} from '../../../src/feishu/event-crypto.js';

describe('event decryption', () => {
  it("decrypts Feishu's documented example", () => {
    // From Feishu's event subscription guide: key "test key", plaintext "hello world".
    expect(decryptEvent('P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=', 'test key')).toBe(
      'hello world',
    );
  });

  it('encrypts so that the SDK decrypts it, Chinese text included', () => {
    const plain = JSON.stringify({ text: '督办 关于推进老城区改造' });

    expect(new lark.AESCipher('k-1').decrypt(encryptEvent(plain, 'k-1'))).toBe(plain);
  });

  it('throws on a wrong key or a damaged body', () => {
    const encrypted = encryptEvent('{"a":1}', 'right');

    expect(() => decryptEvent(encrypted, 'wrong')).toThrow();
    expect(() => decryptEvent('c2hvcnQ=', 'right')).toThrow();
  });
});

describe('signatures', () => {
  const headers = { timestamp: '1716258000', nonce: 'n0nce' };
  const body = { schema: '2.0', header: { event_id: 'e1' }, event: { text: '签收' } };
  const raw = JSON.stringify(body);

  it('signs events as the SDK checks them: sha256(timestamp + nonce + key + body)', () => {
    const signature = eventSignature(headers.timestamp, headers.nonce, 'key', raw);
    const handle = new lark.EventDispatcher({ encryptKey: 'key' }).requestHandle;
    const data = Object.assign(
      Object.create({
        headers: {
          'x-lark-request-timestamp': headers.timestamp,
          'x-lark-request-nonce': headers.nonce,
          'x-lark-signature': signature,
        },
      }),
      body,
    );

    expect(handle?.checkIsEventValidated(data)).toBe(true);
  });

  it('signs older card callbacks as the SDK checks them: sha1 with the verification token', () => {
    const signature = legacyCardSignature(headers.timestamp, headers.nonce, 'vt', raw);
    const handle = new lark.CardActionHandler({ verificationToken: 'vt' }, async () => ({}))
      .requestHandle;
    const legacy = { open_id: 'ou_1', action: { value: { a: 'x' } } };
    const legacySignature = legacyCardSignature(
      headers.timestamp,
      headers.nonce,
      'vt',
      JSON.stringify(legacy),
    );
    const data = Object.assign(
      Object.create({
        headers: {
          'x-lark-request-timestamp': headers.timestamp,
          'x-lark-request-nonce': headers.nonce,
          'x-lark-signature': legacySignature,
        },
      }),
      legacy,
    );

    expect(signature).toMatch(/^[0-9a-f]{40}$/);
    expect(handle?.checkIsCardEventValidated(data)).toBe(true);
  });

  it.each([
    ['the same digest', 'abc', 'abc', true],
    ['another digest', 'abc', 'abd', false],
    ['a shorter one', 'abc', 'ab', false],
    ['none', 'abc', undefined, false],
  ])('compares digests: %s', (_label, expected, given, same) => {
    expect(sameDigest(expected, given)).toBe(same);
  });
});
