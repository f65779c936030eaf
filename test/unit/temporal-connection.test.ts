import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../../config/config';
import { embeddedDevServerConnection, readTemporalConnection, temporalTarget } from '../../config/temporal-connection';

/**
 * The Temporal connection settings (envconfig) turned into connection options, the same for the
 * worker and the clients. The dev server has no TLS, so TLS is checked here as the options it builds;
 * test/e2e/operations.test.ts connects a worker and a client through these settings.
 */

let dir: string;
const file = (name: string, content: string) => {
  const at = path.join(dir, name);
  writeFileSync(at, content);
  return at;
};
const bytes = (text: string) => new Uint8Array(Buffer.from(text));

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dpa-temporal-connection-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readTemporalConnection', () => {
  test('nothing set: no address (npm start runs the dev server), the default namespace, plain gRPC', () => {
    const settings = readTemporalConnection({});
    expect(settings.address).toBeUndefined();
    expect(settings.namespace).toBe('default');
    expect(settings.options.tls).toBeUndefined();
    expect(settings.options.apiKey).toBeUndefined();
    expect(settings.summary).toEqual({ namespace: 'default', profile: 'default', tls: 'off', apiKey: false });
  });

  test('an API key (Temporal Cloud): TLS on, the key sent, the key never in the summary', () => {
    const settings = readTemporalConnection({
      TEMPORAL_ADDRESS: 'eu-west-1.aws.api.temporal.io:7233',
      TEMPORAL_NAMESPACE: 'dpa.a1b2c',
      TEMPORAL_API_KEY: 'secret-api-key',
    });
    expect(settings).toMatchObject({ address: 'eu-west-1.aws.api.temporal.io:7233', namespace: 'dpa.a1b2c' });
    expect(settings.options).toEqual({ apiKey: 'secret-api-key', tls: true });
    expect(settings.summary).toEqual({
      address: 'eu-west-1.aws.api.temporal.io:7233',
      namespace: 'dpa.a1b2c',
      profile: 'default',
      tls: 'on',
      apiKey: true,
    });
    expect(JSON.stringify(settings.summary)).not.toContain('secret-api-key');
  });

  test('mTLS from files: the certificate pair, the server CA and the server name, read at start', () => {
    const settings = readTemporalConnection({
      TEMPORAL_ADDRESS: 'dpa.a1b2c.tmprl.cloud:7233',
      TEMPORAL_NAMESPACE: 'dpa.a1b2c',
      TEMPORAL_TLS_CLIENT_CERT_PATH: file('client.pem', 'CLIENT CERT'),
      TEMPORAL_TLS_CLIENT_KEY_PATH: file('client.key', 'CLIENT KEY'),
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: file('ca.pem', 'SERVER CA'),
      TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
    });
    expect(settings.options.tls).toEqual({
      serverNameOverride: 'temporal.internal',
      serverRootCACertificate: bytes('SERVER CA'),
      clientCertPair: { crt: bytes('CLIENT CERT'), key: bytes('CLIENT KEY') },
    });
    expect(settings.summary.tls).toBe('mutual');
    expect(JSON.stringify(settings.summary)).not.toContain('CLIENT KEY');
  });

  test('mTLS from the certificates themselves (_DATA), as a secret store hands them over', () => {
    const settings = readTemporalConnection({
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_TLS_CLIENT_CERT_DATA: 'CERT TEXT',
      TEMPORAL_TLS_CLIENT_KEY_DATA: 'KEY TEXT',
    });
    expect(settings.options.tls).toMatchObject({ clientCertPair: { crt: bytes('CERT TEXT'), key: bytes('KEY TEXT') } });
  });

  test('TEMPORAL_TLS=true alone: TLS with the system roots', () => {
    const settings = readTemporalConnection({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_TLS: 'true' });
    expect(settings.options.tls).toEqual({});
    expect(settings.summary.tls).toBe('on');
  });

  test('a profile of a TOML file, overridden by the environment', () => {
    const config = file(
      'temporal.toml',
      [
        '[profile.default]',
        'address = "localhost:7233"',
        '[profile.cloud]',
        'address = "dpa.a1b2c.tmprl.cloud:7233"',
        'namespace = "dpa.a1b2c"',
        'api_key = "from-the-file"',
        '[profile.cloud.grpc_meta]',
        'x-team = "privacy"',
      ].join('\n'),
    );
    const settings = readTemporalConnection({ TEMPORAL_CONFIG_FILE: config, TEMPORAL_PROFILE: 'cloud', TEMPORAL_NAMESPACE: 'dpa.other' });
    expect(settings).toMatchObject({ address: 'dpa.a1b2c.tmprl.cloud:7233', namespace: 'dpa.other' });
    expect(settings.options).toEqual({ apiKey: 'from-the-file', tls: true, metadata: { 'x-team': 'privacy' } });
    expect(settings.summary).toMatchObject({ profile: 'cloud', configFile: config });
    // readConfig (and so the worker's namespace) takes the same address and namespace.
    expect(readConfig({ TEMPORAL_CONFIG_FILE: config, TEMPORAL_PROFILE: 'cloud' })).toMatchObject({
      temporalAddress: 'dpa.a1b2c.tmprl.cloud:7233',
      temporalNamespace: 'dpa.a1b2c',
    });
  });

  test('an empty configuration file (TEMPORAL_CONFIG_FILE=/dev/null) has no profile: the environment alone', () => {
    expect(readTemporalConnection({ TEMPORAL_CONFIG_FILE: '/dev/null' }).summary).toEqual({
      namespace: 'default',
      profile: 'default',
      configFile: '/dev/null',
      tls: 'off',
      apiKey: false,
    });
    const comments = file('temporal.toml', '# nothing yet\n');
    expect(readTemporalConnection({ TEMPORAL_CONFIG_FILE: comments, TEMPORAL_ADDRESS: 'temporal:7233' }).address).toBe('temporal:7233');
    expect(() => readTemporalConnection({ TEMPORAL_CONFIG_FILE: comments, TEMPORAL_PROFILE: 'cloud' })).toThrow(
      `TEMPORAL_PROFILE names the profile "cloud", and ${comments} (TEMPORAL_CONFIG_FILE) holds no profile`,
    );
  });

  test('empty variables count as unset, as compose passes ${VAR:-}', () => {
    const settings = readTemporalConnection({
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_API_KEY: '',
      TEMPORAL_TLS_CLIENT_CERT_PATH: ' ',
    });
    expect(settings.options).toEqual({});
    expect(temporalTarget({ TEMPORAL_ADDRESS: '', TEMPORAL_NAMESPACE: '' })).toEqual({ temporalNamespace: 'default' });
  });

  test('a certificate file that is not there: the setting and the path are named', () => {
    const missing = path.join(dir, 'nowhere.pem');
    expect(() =>
      readTemporalConnection({
        TEMPORAL_ADDRESS: 'temporal:7233',
        TEMPORAL_TLS_CLIENT_CERT_PATH: missing,
        TEMPORAL_TLS_CLIENT_KEY_PATH: file('client.key', 'KEY'),
      }),
    ).toThrow(`TEMPORAL_TLS_CLIENT_CERT_PATH names ${missing}, and there is no such file`);
  });

  test("a profile's certificate file that is not there: the TOML key, the profile and the file are named", () => {
    const config = file(
      'temporal.toml',
      `[profile.default]\naddress = "temporal:7233"\n[profile.default.tls]\nserver_ca_cert_path = "${dir}/ca.pem"\n`,
    );
    expect(() => readTemporalConnection({ TEMPORAL_CONFIG_FILE: config })).toThrow(
      `tls.server_ca_cert_path of profile "default" in ${config} names ${dir}/ca.pem, and there is no such file`,
    );
  });

  test('settings that cannot work are refused with what to set', () => {
    const cert = file('client.pem', 'CERT');
    expect(() => readTemporalConnection({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_TLS_CLIENT_CERT_PATH: cert })).toThrow(
      'mTLS needs both a client certificate and its key',
    );
    expect(() => readTemporalConnection({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_API_KEY: 'key', TEMPORAL_TLS: 'false' })).toThrow(
      'TEMPORAL_API_KEY would travel unencrypted',
    );
    expect(() => readTemporalConnection({ TEMPORAL_TLS_DISABLE_HOST_VERIFICATION: 'true' })).toThrow('set TEMPORAL_TLS_SERVER_NAME');
    expect(() => readTemporalConnection({ TEMPORAL_TLS_DISABLE_HOST_VERIFICATION: 'false' })).not.toThrow();
    expect(() => readTemporalConnection({ TEMPORAL_CONFIG_FILE: path.join(dir, 'missing.toml') })).toThrow(
      `TEMPORAL_CONFIG_FILE names ${dir}/missing.toml, and there is no such file`,
    );
    const config = file('temporal.toml', '[profile.default]\naddress = "temporal:7233"\n');
    expect(() => readTemporalConnection({ TEMPORAL_CONFIG_FILE: config, TEMPORAL_PROFILE: 'cloud' })).toThrow(
      `the Temporal connection settings cannot be read (profile "cloud" in ${config}): Profile 'cloud' not found in config data`,
    );
  });
});

describe('embeddedDevServerConnection', () => {
  test('npm start without an address: plain gRPC to the dev server', () => {
    expect(embeddedDevServerConnection(readTemporalConnection({ TEMPORAL_NAMESPACE: 'dpa' }), '127.0.0.1:7233')).toEqual({
      address: '127.0.0.1:7233',
      namespace: 'dpa',
      options: {},
      summary: { address: '127.0.0.1:7233', namespace: 'dpa', profile: 'default', tls: 'off', apiKey: false },
    });
  });

  test('an API key or TLS without an address is a cluster that was meant and not reached', () => {
    expect(() => embeddedDevServerConnection(readTemporalConnection({ TEMPORAL_API_KEY: 'key' }), '127.0.0.1:7233')).toThrow(
      'TLS or an API key is set but no TEMPORAL_ADDRESS',
    );
  });
});
