import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { checkExposure, developmentWebhookSecret, exposureRefusal, isLoopback, readConfig, webhookSecretKey } from '../../config/config';

const goodSecret = `whsec_${randomBytes(32).toString('base64')}`;
const goodToken = randomBytes(32).toString('base64');

describe('the secure-start rule', () => {
  test('on loopback, with nothing set, the development defaults are accepted (npm start)', () => {
    const config = readConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.webhookSecret).toBe(developmentWebhookSecret);
    expect(config.operatorToken).toBeUndefined();
    expect(checkExposure(config)).toEqual([]);
    expect(exposureRefusal(config)).toBeUndefined();
  });

  test.each(['127.0.0.1', '127.1.2.3', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', 'localhost', 'LocalHost'])(
    '%s is loopback: nothing is asked',
    (host) => {
      expect(isLoopback(host)).toBe(true);
      expect(checkExposure(readConfig({ HOST: host }))).toEqual([]);
    },
  );

  test.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.5', '128.0.0.1', '::ffff:10.0.0.1', '[::]', 'dpa.example.org', 'webhooks'])(
    '%s is not loopback: the development secret and a missing token are refused',
    (host) => {
      expect(isLoopback(host)).toBe(false);
      const problems = checkExposure(readConfig({ HOST: host }));
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^WEBHOOK_SECRET is unset or is the development secret/);
      expect(problems[1]).toMatch(/^OPERATOR_TOKEN is unset/);
    },
  );

  test('0.0.0.0 with the development secret set explicitly is refused, with what to set and how to make it', () => {
    const problems = checkExposure(readConfig({ HOST: '0.0.0.0', WEBHOOK_SECRET: developmentWebhookSecret, OPERATOR_TOKEN: goodToken }));
    expect(problems).toEqual([
      'WEBHOOK_SECRET is unset or is the development secret, which is published in the repository: ' +
        'set WEBHOOK_SECRET=whsec_$(openssl rand -base64 32) and give the product the same value',
    ]);
  });

  test('a secret of fewer than 24 bytes is refused; 24 bytes are enough', () => {
    const secretOf = (bytes: number) => `whsec_${randomBytes(bytes).toString('base64')}`;
    const short = checkExposure(readConfig({ HOST: '0.0.0.0', WEBHOOK_SECRET: secretOf(23), OPERATOR_TOKEN: goodToken }));
    expect(short).toHaveLength(1);
    expect(short[0]).toMatch(
      /^WEBHOOK_SECRET holds 23 bytes; Standard Webhooks asks for 24 to 64 random bytes: set WEBHOOK_SECRET=whsec_\$\(openssl rand -base64 32\)/,
    );
    expect(checkExposure(readConfig({ HOST: '0.0.0.0', WEBHOOK_SECRET: secretOf(24), OPERATOR_TOKEN: goodToken }))).toEqual([]);
  });

  test('the secret length is counted in decoded bytes, not in characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (bytes) => {
        const secret = `whsec_${Buffer.from(bytes).toString('base64')}`;
        const problems = checkExposure({ host: '0.0.0.0', webhookSecret: secret, operatorToken: goodToken });
        expect(problems).toHaveLength(bytes.length >= 24 ? 0 : 1);
      }),
    );
  });

  test('a missing operator token is refused, and so is a short one', () => {
    const missing = checkExposure(readConfig({ HOST: '0.0.0.0', WEBHOOK_SECRET: goodSecret }));
    expect(missing).toEqual([
      'OPERATOR_TOKEN is unset, so the breach register, the evidence and the caught mail would be open to anyone: ' +
        'set OPERATOR_TOKEN=$(openssl rand -base64 32)',
    ]);
    const short = checkExposure(readConfig({ HOST: '0.0.0.0', WEBHOOK_SECRET: goodSecret, OPERATOR_TOKEN: 'x'.repeat(31) }));
    expect(short).toEqual(['OPERATOR_TOKEN has 31 characters, fewer than 32: set OPERATOR_TOKEN=$(openssl rand -base64 32)']);
    // Blank is unset.
    expect(checkExposure(readConfig({ HOST: '0.0.0.0', WEBHOOK_SECRET: goodSecret, OPERATOR_TOKEN: '   ' }))).toEqual(missing);
  });

  test('a good setup is accepted on every interface', () => {
    for (const host of ['0.0.0.0', '::', '10.0.0.5']) {
      const config = readConfig({ HOST: host, WEBHOOK_SECRET: goodSecret, OPERATOR_TOKEN: 'y'.repeat(32) });
      expect(checkExposure(config)).toEqual([]);
      expect(exposureRefusal(config)).toBeUndefined();
    }
  });

  test('the refusal names the host and port and lists every problem', () => {
    expect(exposureRefusal(readConfig({ HOST: '0.0.0.0', PORT: '8080' }))).toBe(
      [
        'refusing to listen on HOST=0.0.0.0 (port 8080): beyond loopback the endpoint needs real secrets.',
        '  - WEBHOOK_SECRET is unset or is the development secret, which is published in the repository: ' +
          'set WEBHOOK_SECRET=whsec_$(openssl rand -base64 32) and give the product the same value',
        '  - OPERATOR_TOKEN is unset, so the breach register, the evidence and the caught mail would be open to anyone: ' +
          'set OPERATOR_TOKEN=$(openssl rand -base64 32)',
        '(On HOST=127.0.0.1, the default, the development settings are accepted.)',
        '',
      ].join('\n'),
    );
  });
});

describe('webhook secrets are refused unless their base64 part decodes', () => {
  test.each([
    ['no prefix', 'ZHBhLXNlY3JldA==', /WEBHOOK_SECRET must have the form whsec_<base64>/],
    ['nothing after the prefix', 'whsec_', /WEBHOOK_SECRET has nothing after whsec_/],
    ['only padding', 'whsec_====', /WEBHOOK_SECRET has nothing after whsec_/],
    ['characters outside base64', 'whsec_not base64 at all!', /the part of WEBHOOK_SECRET after whsec_ is not base64/],
    [
      'a stray character Node would skip',
      'whsec_MfKQ9r8GKYqrTwjU*PD8ILPZIo2LaLaSw',
      /the part of WEBHOOK_SECRET after whsec_ is not base64/,
    ],
    ['base64url', 'whsec_MfKQ9r8GKYqrTwjU_PD8ILPZIo2LaLaSw', /not base64/],
    ['padding in the middle', 'whsec_YWJj=ZGVm', /not base64/],
    ['a lone trailing character', 'whsec_YWJjZ', /not base64/],
  ])('%s', (_case, secret, message) => {
    expect(() => readConfig({ WEBHOOK_SECRET: secret })).toThrow(message);
    expect(() => readConfig({ PRODUCT_WEBHOOK_SECRET: secret })).toThrow(
      new RegExp(message.source.replace('WEBHOOK_SECRET', 'PRODUCT_WEBHOOK_SECRET')),
    );
  });

  test('the message says how to make a good one', () => {
    expect(() => readConfig({ WEBHOOK_SECRET: 'whsec_' })).toThrow('e.g. whsec_$(openssl rand -base64 32)');
  });

  test('well-formed secrets are read, padded or not, and give their bytes', () => {
    // The test vector published with the Standard Webhooks libraries: 24 bytes, no padding needed.
    expect(readConfig({ WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }).webhookSecret).toBe(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    );
    expect(webhookSecretKey('WEBHOOK_SECRET', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toHaveLength(24);
    expect(webhookSecretKey('X', 'whsec_YWJjZA==').toString()).toBe('abcd');
    expect(webhookSecretKey('X', 'whsec_YWJjZA').toString()).toBe('abcd');
    expect(readConfig({ PRODUCT_WEBHOOK_SECRET: goodSecret }).productWebhookSecret).toBe(goodSecret);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (bytes) => {
        const key = Buffer.from(bytes);
        expect(webhookSecretKey('X', `whsec_${key.toString('base64')}`).equals(key)).toBe(true);
      }),
    );
  });
});
