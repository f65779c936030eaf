import { BlockList, isIPv4, isIPv6 } from 'node:net';
import path from 'node:path';
import { parsePayloadKeys, type PayloadKey } from '../codec/keys';
import { defaultContactPoint, type ContactPoint } from '../domain/contact-point';
import { isValidTimeZone } from '../domain/clocks';
import { defaultRetention, parseScheduleTime, parseWeeklyScheduleTime, type ScheduleSettings } from '../domain/digests';
import { isValidId } from '../domain/ids';
import { defaultTimeZone } from '../domain/language';
import { defaultTerminationConfig, type TerminationConfig } from '../domain/termination';
import { temporalTarget } from './temporal-connection';

/** Every setting of the product, read from the environment once (README: "Settings"). */
export interface Config {
  /** Unset: an embedded Temporal dev server is started. */
  temporalAddress?: string;
  temporalNamespace: string;
  /** Unset: records live in PGlite under DATA_DIR. */
  databaseUrl?: string;
  /** Unset: an in-process SMTP catcher receives every email. */
  smtpUrl?: string;
  mailFrom: string;
  privacyTeamEmail: string;
  /** Named in every customer email (Art. 33(3)(b)): CONTACT_POINT_NAME, _EMAIL (the privacy team's by default), _TELEPHONE. */
  contactPoint: ContactPoint;
  webhookSecret: string;
  productWebhookUrl?: string;
  productWebhookSecret?: string;
  host: string;
  port: number;
  dataDir: string;
  /** Ports of the embedded parts. */
  temporalDevPort: number;
  temporalUiPort: number;
  smtpCatcherPort: number;
  /**
   * How many workflows the worker keeps in memory between their tasks. Bounded so that the worker's
   * memory does not grow with the number of open windows and cases: an evicted one is replayed from its
   * history when its next timer or message arrives.
   */
  workerMaxCachedWorkflows: number;
  /**
   * When set, the read endpoints (register, evidence, caught mail) need `Authorization: Bearer <token>`.
   * Required, with a real WEBHOOK_SECRET, on any HOST beyond loopback (`checkExposure`).
   */
  operatorToken?: string;
  /**
   * The end of a contract (11.2-11.3): EXPORT_WINDOW_DAYS (the window when neither the event nor the
   * contract states one), PRODUCT_DATA_STORES (comma-separated store ids, each asked to delete),
   * EXPORT_TOOL_URL and EXPORT_INSTRUCTIONS_NL/_FR/_EN (how the customer exports, in its language).
   */
  termination: TerminationConfig;
  /**
   * Scheduled reminders and our own retention (issue 13): TEAM_DIGEST_SCHEDULE and _TIME_ZONE,
   * CUSTOMER_REMINDER_SCHEDULE and _TIME_ZONE, RETENTION_SCHEDULE and _TIME_ZONE, RETENTION_*_DAYS per kind
   * of record, WEB_UI_URL (the digest's links).
   */
  schedules: ScheduleSettings;
  /**
   * Personal data in Temporal, encrypted (issue 13). PAYLOAD_ENCRYPTION_KEYS: `<keyId>:<base64 of 32
   * bytes>`, comma-separated, the first writes and every one reads. Unset: `npm start` keeps a generated
   * key in DATA_DIR/payload-keys; the worker alone and the HTTP server alone refuse to start.
   * WEB_UI_ORIGIN: the origins (comma-separated) whose pages may call the codec endpoint; by default the
   * embedded Web UI's.
   */
  payloadKeys?: PayloadKey[];
  webUiOrigins: string[];
}

/** A fixed development secret, so that `npm start` and `npm run send-event` agree out of the box. */
export const developmentWebhookSecret = 'whsec_ZHBhLW9yY2hlc3RyYXRvci1kZXZlbG9wbWVudC1zZWNyZXQ=';

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const optional = (name: string) => (env[name] && env[name]!.trim() !== '' ? env[name]!.trim() : undefined);
  const port = (name: string, fallback: number) => {
    const value = optional(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new Error(`${name} must be a port number, not "${value}"`);
    return parsed;
  };
  const positive = (name: string, fallback: number) => {
    const value = optional(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive whole number, not "${value}"`);
    return parsed;
  };
  const privacyTeamEmail = optional('PRIVACY_TEAM_EMAIL') ?? 'privacy@processor.example';
  const webhookSecret = optional('WEBHOOK_SECRET') ?? developmentWebhookSecret;
  webhookSecretKey('WEBHOOK_SECRET', webhookSecret);
  const productWebhookSecret = optional('PRODUCT_WEBHOOK_SECRET');
  if (productWebhookSecret) webhookSecretKey('PRODUCT_WEBHOOK_SECRET', productWebhookSecret);
  return {
    // TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE, or the envconfig profile's (config/temporal-connection.ts).
    ...temporalTarget(env),
    databaseUrl: optional('DATABASE_URL'),
    smtpUrl: optional('SMTP_URL'),
    mailFrom: optional('MAIL_FROM') ?? 'Privacy team <privacy@processor.example>',
    privacyTeamEmail,
    contactPoint: readContactPoint(optional, privacyTeamEmail),
    webhookSecret,
    productWebhookUrl: optional('PRODUCT_WEBHOOK_URL'),
    productWebhookSecret,
    host: optional('HOST') ?? '127.0.0.1',
    port: port('PORT', 3000),
    dataDir: path.resolve(optional('DATA_DIR') ?? '.data'),
    temporalDevPort: port('TEMPORAL_DEV_PORT', 7233),
    temporalUiPort: port('TEMPORAL_UI_PORT', 8233),
    smtpCatcherPort: port('SMTP_CATCHER_PORT', 1025),
    workerMaxCachedWorkflows: positive('WORKER_MAX_CACHED_WORKFLOWS', 500),
    operatorToken: optional('OPERATOR_TOKEN'),
    termination: readTerminationConfig(optional, positive),
    schedules: readScheduleSettings(optional, positive, port('TEMPORAL_UI_PORT', 8233)),
    ...readPayloadEncryptionConfig(optional, port('TEMPORAL_UI_PORT', 8233)),
  };
}

/** The payload codec's keys and the codec endpoint's origins, checked at start-up (README: "Personal data in Temporal: encrypted"). */
function readPayloadEncryptionConfig(
  optional: (name: string) => string | undefined,
  uiPort: number,
): Pick<Config, 'payloadKeys' | 'webUiOrigins'> {
  const keysText = optional('PAYLOAD_ENCRYPTION_KEYS');
  const originsText = optional('WEB_UI_ORIGIN');
  const webUiOrigins = originsText
    ? originsText.split(',').map((origin) => origin.trim())
    : [`http://127.0.0.1:${uiPort}`, `http://localhost:${uiPort}`];
  for (const origin of webUiOrigins) {
    if (!/^https?:\/\/[^/\s:]+(:\d{1,5})?$/.test(origin)) {
      throw new Error(
        `WEB_UI_ORIGIN must be origins such as https://temporal-ui.example:8080 (scheme, host, port; no path), not "${origin}"`,
      );
    }
  }
  return { ...(keysText !== undefined && { payloadKeys: parsePayloadKeys(keysText) }), webUiOrigins };
}

/** The keys of an entry point that cannot keep a key of its own (the worker alone, the HTTP server alone). */
export function requiredPayloadKeys(config: Pick<Config, 'payloadKeys'>): PayloadKey[] {
  if (config.payloadKeys) return config.payloadKeys;
  throw new Error(
    'PAYLOAD_ENCRYPTION_KEYS is unset: every worker and client must share the keys that encrypt what Temporal stores; ' +
      'set PAYLOAD_ENCRYPTION_KEYS=<keyId>:$(openssl rand -base64 32) (npm start keeps its own in DATA_DIR/payload-keys)',
  );
}

/** The end of a contract's settings, checked at start-up so that no notice goes out with a window or tool it cannot use. */
function readTerminationConfig(
  optional: (name: string) => string | undefined,
  positive: (name: string, fallback: number) => number,
): TerminationConfig {
  const defaults = defaultTerminationConfig;
  const days = positive('EXPORT_WINDOW_DAYS', defaults.defaultExportWindowDays);
  if (days > 365) throw new Error(`EXPORT_WINDOW_DAYS must be at most 365, not "${days}"`);
  const storesText = optional('PRODUCT_DATA_STORES');
  const dataStores = storesText === undefined ? defaults.dataStores : storesText.split(',').map((store) => store.trim());
  if (dataStores.length === 0 || !dataStores.every(isValidId) || new Set(dataStores).size !== dataStores.length)
    throw new Error(`PRODUCT_DATA_STORES must be distinct store ids separated by commas (e.g. app-db,search,backups), not "${storesText}"`);
  const url = optional('EXPORT_TOOL_URL') ?? defaults.exportTool.url;
  if (!/^https?:\/\/\S+$/.test(url)) throw new Error(`EXPORT_TOOL_URL must be an http(s) URL, not "${url}"`);
  const instructions = { ...defaults.exportTool.instructions };
  for (const language of ['nl', 'fr', 'en'] as const) {
    const name = `EXPORT_INSTRUCTIONS_${language.toUpperCase()}`;
    const text = optional(name);
    if (text === undefined) continue;
    if (text.length > 2000) throw new Error(`${name} must be at most 2000 characters`);
    instructions[language] = text;
  }
  const processorName = optional('PROCESSOR_NAME');
  // eslint-disable-next-line no-control-regex
  if (processorName !== undefined && (processorName.length > 200 || /[\u0000-\u001f\u007f-\u009f]/.test(processorName)))
    throw new Error('PROCESSOR_NAME must be at most 200 characters, without control characters');
  return {
    defaultExportWindowDays: days,
    dataStores,
    exportTool: { url, instructions },
    ...(processorName !== undefined && { processorName }),
  };
}

/** The contract promises a repeated webhook-id the same answer for 7 days at least. */
function webhookDeliveryDays(days: number): number {
  if (days < 7) throw new Error(`RETENTION_WEBHOOK_DELIVERY_DAYS must be at least 7 (the contract keeps answers 7 days), not "${days}"`);
  return days;
}

/** The schedules' settings, checked at start-up: a schedule that cannot fire is refused, not silently dropped. */
function readScheduleSettings(
  optional: (name: string) => string | undefined,
  positive: (name: string, fallback: number) => number,
  uiPort: number,
): ScheduleSettings {
  const zone = (name: string) => {
    const value = optional(name) ?? defaultTimeZone;
    if (!isValidTimeZone(value)) throw new Error(`${name} must be an IANA time zone such as Europe/Brussels, not "${value}"`);
    return value;
  };
  const daily = (name: string, fallback: string) => {
    const value = optional(name) ?? fallback;
    const at = parseScheduleTime(value);
    if (at === undefined) throw new Error(`${name} must be off or a time HH:MM such as ${fallback}, not "${value}"`);
    return at;
  };
  const weeklyText = optional('CUSTOMER_REMINDER_SCHEDULE') ?? 'mon 09:00';
  const weekly = parseWeeklyScheduleTime(weeklyText);
  if (weekly === undefined)
    throw new Error(`CUSTOMER_REMINDER_SCHEDULE must be off or a day and a time such as "mon 09:00", not "${weeklyText}"`);
  const webUiUrl = optional('WEB_UI_URL') ?? `http://127.0.0.1:${uiPort}`;
  if (!/^https?:\/\/\S+$/.test(webUiUrl)) throw new Error(`WEB_UI_URL must be an http(s) URL, not "${webUiUrl}"`);
  return {
    teamDigest: { at: daily('TEAM_DIGEST_SCHEDULE', '08:00'), timeZone: zone('TEAM_DIGEST_TIME_ZONE') },
    customerReminders: { at: weekly, timeZone: zone('CUSTOMER_REMINDER_TIME_ZONE') },
    retention: {
      at: daily('RETENTION_SCHEDULE', '03:00'),
      timeZone: zone('RETENTION_TIME_ZONE'),
      settings: {
        dsrSubjectDays: positive('RETENTION_DSR_SUBJECT_DAYS', defaultRetention.dsrSubjectDays),
        emailEvidenceDays: positive('RETENTION_EMAIL_EVIDENCE_DAYS', defaultRetention.emailEvidenceDays),
        breachRegisterDays: positive('RETENTION_BREACH_REGISTER_DAYS', defaultRetention.breachRegisterDays),
        webhookDeliveryDays: webhookDeliveryDays(positive('RETENTION_WEBHOOK_DELIVERY_DAYS', defaultRetention.webhookDeliveryDays)),
        auditorDays: positive('RETENTION_AUDITOR_DAYS', defaultRetention.auditorDays),
      },
      closedWorkflowDays: positive('RETENTION_CLOSED_WORKFLOW_DAYS', 30),
    },
    webUiUrl,
  };
}

/**
 * The contact point every customer email names. Checked at start-up, so that no email goes out with a
 * line a customer cannot use: a name of at most 200 characters, an address, a telephone number of digits
 * with the usual separators, none with control characters.
 */
function readContactPoint(optional: (name: string) => string | undefined, privacyTeamEmail: string): ContactPoint {
  const contact = { ...defaultContactPoint(privacyTeamEmail) };
  const name = optional('CONTACT_POINT_NAME');
  const email = optional('CONTACT_POINT_EMAIL');
  const telephone = optional('CONTACT_POINT_TELEPHONE');
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u001f\u007f-\u009f]/;
  if (name !== undefined) {
    if (name.length > 200 || controls.test(name))
      throw new Error('CONTACT_POINT_NAME must be at most 200 characters, without control characters');
    contact.name = name;
  }
  if (email !== undefined) {
    if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email)) throw new Error(`CONTACT_POINT_EMAIL must be an email address, not "${email}"`);
    contact.email = email;
  }
  if (telephone !== undefined) {
    if (!/^\+?[0-9][0-9 ()./-]{4,28}[0-9]$/.test(telephone))
      throw new Error(`CONTACT_POINT_TELEPHONE must be a telephone number such as "+32 2 555 01 23", not "${telephone}"`);
    contact.telephone = telephone;
  }
  return contact;
}

/** How to make a secret, in every message that asks for one. */
const makeWebhookSecret = 'whsec_$(openssl rand -base64 32)';
const makeOperatorToken = '$(openssl rand -base64 32)';

/**
 * The key bytes of a `whsec_<base64>` secret. Node's base64 decoder skips what it cannot read, so a
 * mistyped secret would quietly become another key: the text must be exactly the base64 of its bytes.
 */
export function webhookSecretKey(name: string, secret: string): Buffer {
  const form = `${name} must have the form whsec_<base64>, e.g. ${makeWebhookSecret}`;
  if (!secret.startsWith('whsec_')) throw new Error(form);
  const encoded = secret.slice('whsec_'.length);
  const key = Buffer.from(encoded, 'base64');
  const unpadded = (text: string) => text.replace(/=+$/, '');
  if (encoded === '' || key.length === 0) throw new Error(`${name} has nothing after whsec_: ${form}`);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || unpadded(key.toString('base64')) !== unpadded(encoded)) {
    throw new Error(`the part of ${name} after whsec_ is not base64: ${form}`);
  }
  return key;
}

/** Standard Webhooks secrets are 24 to 64 random bytes. */
export const minimumWebhookSecretBytes = 24;
export const minimumOperatorTokenLength = 32;

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Can only this machine reach a server listening on `host`? */
export function isLoopback(host: string): boolean {
  const address = host.replace(/^\[(.*)\]$/, '$1');
  if (address.toLowerCase() === 'localhost') return true;
  if (isIPv4(address)) return loopback.check(address, 'ipv4');
  if (isIPv6(address)) return loopback.check(address, 'ipv6');
  return false;
}

/**
 * Secure by default: the development secret is in the repository and the read endpoints are open
 * without OPERATOR_TOKEN, which is harmless on loopback only. On any other HOST the endpoint refuses to
 * start until both are real. Returns what is wrong, each with what to set; empty when the HTTP server
 * may listen.
 */
export function checkExposure(config: Pick<Config, 'host' | 'webhookSecret' | 'operatorToken'>): string[] {
  if (isLoopback(config.host)) return [];
  const problems: string[] = [];
  if (config.webhookSecret === developmentWebhookSecret) {
    problems.push(
      'WEBHOOK_SECRET is unset or is the development secret, which is published in the repository: ' +
        `set WEBHOOK_SECRET=${makeWebhookSecret} and give the product the same value`,
    );
  } else {
    let bytes: number;
    try {
      bytes = webhookSecretKey('WEBHOOK_SECRET', config.webhookSecret).length;
    } catch (error) {
      bytes = 0;
      problems.push((error as Error).message);
    }
    if (bytes > 0 && bytes < minimumWebhookSecretBytes) {
      problems.push(
        `WEBHOOK_SECRET holds ${bytes} bytes; Standard Webhooks asks for ${minimumWebhookSecretBytes} to 64 random bytes: ` +
          `set WEBHOOK_SECRET=${makeWebhookSecret} and give the product the same value`,
      );
    }
  }
  if (!config.operatorToken) {
    problems.push(
      'OPERATOR_TOKEN is unset, so the breach register, the evidence and the caught mail would be open to anyone: ' +
        `set OPERATOR_TOKEN=${makeOperatorToken}`,
    );
  } else if (config.operatorToken.length < minimumOperatorTokenLength) {
    problems.push(
      `OPERATOR_TOKEN has ${config.operatorToken.length} characters, fewer than ${minimumOperatorTokenLength}: ` +
        `set OPERATOR_TOKEN=${makeOperatorToken}`,
    );
  }
  return problems;
}

/** The message an entry point prints, and exits 1 with, when `checkExposure` finds problems. */
export function exposureRefusal(config: Pick<Config, 'host' | 'port' | 'webhookSecret' | 'operatorToken'>): string | undefined {
  const problems = checkExposure(config);
  if (problems.length === 0) return undefined;
  return [
    `refusing to listen on HOST=${config.host} (port ${config.port}): beyond loopback the endpoint needs real secrets.`,
    ...problems.map((problem) => `  - ${problem}`),
    '(On HOST=127.0.0.1, the default, the development settings are accepted.)',
    '',
  ].join('\n');
}

/**
 * The settings of an entry point that opens the HTTP server: refused, before anything is opened (no
 * port, no dev server, no database left behind), when the exposure rule says no.
 */
export function readServingConfig(): Config {
  const config = readConfig();
  const refusal = exposureRefusal(config);
  if (refusal) {
    process.stderr.write(refusal);
    process.exit(1);
  }
  return config;
}

/** What a worker takes from the settings, wherever it runs (npm start, or the worker alone). */
export function workerSettings(config: Config) {
  return {
    namespace: config.temporalNamespace,
    mailFrom: config.mailFrom,
    privacyTeamEmail: config.privacyTeamEmail,
    contactPoint: config.contactPoint,
    maxCachedWorkflows: config.workerMaxCachedWorkflows,
    termination: config.termination,
    ...(config.productWebhookUrl &&
      config.productWebhookSecret && { productWebhook: { url: config.productWebhookUrl, secret: config.productWebhookSecret } }),
  };
}
