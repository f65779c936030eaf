import type { MetricMeter } from '@temporalio/common';
import type { EmailLogRepository } from '../records/email-log';

/**
 * `dpa_emails_total{outcome}` through the SDK's metric meter, so that the worker's one Prometheus
 * endpoint (TEMPORAL_METRICS_ADDRESS) serves it beside the SDK's own metrics. Counted where the email
 * sender records each answer in the evidence log: `sent` (the mail server accepted it), `rejected` (the
 * recipient was refused: recorded failed), `deferred` (a fault to be retried). An email found already
 * sent is not counted again.
 */
export function countEmailOutcomes(emails: EmailLogRepository, meter: MetricMeter): EmailLogRepository {
  const counter = meter.createCounter(
    'dpa_emails_total',
    undefined,
    'Emails by outcome: sent, rejected (recipient refused), deferred (retried)',
  );
  return {
    ...emails,
    async markSent(...args) {
      await emails.markSent(...args);
      counter.add(1, { outcome: 'sent' });
    },
    async markFailed(...args) {
      await emails.markFailed(...args);
      counter.add(1, { outcome: 'rejected' });
    },
    async markDeferred(...args) {
      await emails.markDeferred(...args);
      counter.add(1, { outcome: 'deferred' });
    },
  };
}
