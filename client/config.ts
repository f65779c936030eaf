import path from 'node:path';

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
  /** When set, the read endpoints (register, evidence, caught mail) need `Authorization: Bearer <token>`. */
  operatorToken?: string;
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
  const webhookSecret = optional('WEBHOOK_SECRET') ?? developmentWebhookSecret;
  if (!webhookSecret.startsWith('whsec_')) throw new Error('WEBHOOK_SECRET must have the form whsec_<base64>');
  const productWebhookSecret = optional('PRODUCT_WEBHOOK_SECRET');
  if (productWebhookSecret && !productWebhookSecret.startsWith('whsec_')) {
    throw new Error('PRODUCT_WEBHOOK_SECRET must have the form whsec_<base64>');
  }
  return {
    temporalAddress: optional('TEMPORAL_ADDRESS'),
    temporalNamespace: optional('TEMPORAL_NAMESPACE') ?? 'default',
    databaseUrl: optional('DATABASE_URL'),
    smtpUrl: optional('SMTP_URL'),
    mailFrom: optional('MAIL_FROM') ?? 'Privacy team <privacy@processor.example>',
    privacyTeamEmail: optional('PRIVACY_TEAM_EMAIL') ?? 'privacy@processor.example',
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
  };
}
