import { createHash } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { EmailLogRepository, EmailRecord } from '../../records/email-log';
import type { RenderedEmail } from './templates/rendered-email';

export interface EmailRequest {
  workflowId: string;
  /** The step of the process this email belongs to, such as `initial-notice` or `reminder-2`. */
  step: string;
  recipient: string;
  language: string;
  email: RenderedEmail;
  /** For mail leaving the customer relationship (a data subject): no workflow id or step in the headers. */
  omitTrackingHeaders?: boolean;
}

export type EmailOutcome =
  | { status: 'sent'; messageId: string; acceptedAt: string }
  | { status: 'rejected'; reason: string };

export interface EmailSender {
  send(request: EmailRequest): Promise<EmailOutcome>;
}

/**
 * Sends one email at most once per workflow id + step + recipient. The evidence log is written before
 * the send and after SMTP answered: a retry finds `sent` and sends nothing. Should a worker die in the
 * instant between SMTP's acceptance and the record, the retry re-sends under the same Message-ID, which
 * mail clients fold into one message.
 *
 * A permanent refusal (a 5xx reply, a rejected address) is returned, not thrown: the caller decides
 * what an undeliverable notice means for its process. Anything else is thrown, so Temporal retries it.
 *
 * SMTP answers often quote the recipient ("550 5.1.1 <dpo@customer.example>: Recipient address
 * rejected"). What is returned or thrown ends up in a workflow history and the Web UI, so it carries the
 * answer without any address; the evidence log, which holds the recipient anyway, keeps it whole.
 */
export function createEmailSender(deps: { mailer: Transporter; emails: EmailLogRepository; from: string }): EmailSender {
  const domain = deps.from.replace(/^.*@/, '').replace(/[>\s].*$/, '') || 'dpa-orchestrator.invalid';
  return {
    async send(request) {
      const idempotencyKey = `${request.workflowId}:${request.step}:${request.recipient.toLowerCase()}`;
      const messageId = `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@${domain}>`;
      const record = await deps.emails.claim({
        idempotencyKey,
        workflowId: request.workflowId,
        step: request.step,
        recipient: request.recipient,
        subject: request.email.subject,
        language: request.language,
        messageId,
      });
      if (record.status === 'sent') return sentOutcome(record);

      try {
        const info = await deps.mailer.sendMail({
          from: deps.from,
          to: request.recipient,
          subject: request.email.subject,
          text: request.email.text,
          html: request.email.html,
          messageId,
          headers: request.omitTrackingHeaders ? {} : { 'X-DPA-Workflow-Id': request.workflowId, 'X-DPA-Step': request.step },
        });
        const acceptedAt = new Date();
        if ((info.rejected ?? []).length > 0) {
          const reason = `recipient refused: ${String(info.response)}`;
          await deps.emails.markFailed(idempotencyKey, reason);
          return { status: 'rejected', reason: withoutAddresses(reason) };
        }
        await deps.emails.markSent(idempotencyKey, String(info.response), acceptedAt);
        return { status: 'sent', messageId, acceptedAt: acceptedAt.toISOString() };
      } catch (error) {
        const reason = describeSmtpError(error);
        await deps.emails.markFailed(idempotencyKey, reason);
        if (isPermanent(error)) return { status: 'rejected', reason: withoutAddresses(reason) };
        // Retried by Temporal; the original error (and its cause, which a failure would carry) stays here.
        throw new Error(`the mail server did not accept the email yet: ${withoutAddresses(reason)}`);
      }
    },
  };
}

/** Any email address in a text, as SMTP servers quote them (bare or in angle brackets), replaced. */
export function withoutAddresses(text: string): string {
  return text.replace(/<?[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+>?/g, '<address>');
}

function sentOutcome(record: EmailRecord): EmailOutcome {
  return { status: 'sent', messageId: record.messageId, acceptedAt: record.acceptedAt ?? new Date().toISOString() };
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
  rejectedErrors?: SmtpError[];
}

/** 5xx is permanent (RFC 5321); 4xx, timeouts and connection failures are worth another try. */
function isPermanent(error: unknown): boolean {
  const smtp = error as SmtpError;
  if (smtp.code === 'EENVELOPE' && smtp.rejectedErrors?.length) {
    return smtp.rejectedErrors.every((rejection) => (rejection.responseCode ?? 0) >= 500);
  }
  return typeof smtp.responseCode === 'number' && smtp.responseCode >= 500;
}

function describeSmtpError(error: unknown): string {
  const smtp = error as SmtpError;
  return [smtp.code, smtp.responseCode, smtp.response ?? smtp.message].filter((part) => part !== undefined).join(' ');
}
