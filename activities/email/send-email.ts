import { createHash } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Transporter } from 'nodemailer';
import type { EmailClaim, EmailFailureKind, EmailLogRepository, EmailRecord } from '../../records/email-log';
import { emailLeaseMs, emailSendTimeoutMs } from './mailer';
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
  /**
   * Called every few seconds while the mail server has the email, so a slow send does not look like a
   * dead worker. An activity that keeps progress in its heartbeat details passes one that sends them:
   * the default heartbeat, without details, would replace them.
   */
  heartbeat?: () => void;
}

export type EmailOutcome = { status: 'sent'; messageId: string; acceptedAt: string } | { status: 'rejected'; reason: string };

export interface EmailSender {
  /**
   * Sends one email. `claimed` is its claim from `claimAll`, when a batch claimed its slice's emails
   * together; without it, the email is claimed here.
   */
  send(request: EmailRequest, claimed?: EmailRecord): Promise<EmailOutcome>;
  /** Claims many emails in one statement (their evidence rows before any send), in their order. */
  claimAll(requests: readonly EmailRequest[]): Promise<EmailRecord[]>;
}

/** A failed attempt, as the warning log line gives it: never an address. */
export interface EmailDeferral {
  workflowId: string;
  step: string;
  kind: EmailFailureKind;
  /** The SMTP reply code, when the mail server answered. */
  smtpCode?: number;
  /** Nodemailer's error code (EAUTH, ECONNECTION, EENVELOPE, ...). */
  errorCode?: string;
  attempt: number;
  reason: string;
}

export interface EmailSenderDeps {
  mailer: Transporter;
  emails: EmailLogRepository;
  from: string;
  /** Where each transient failure is reported; by default the activity's logger, a warning. */
  warn?: (message: string, deferral: EmailDeferral) => void;
  /** Tests shorten these; see activities/email/mailer.ts for the values and why. */
  sendTimeoutMs?: number;
  leaseMs?: number;
}

/** How often a send in progress heartbeats; the SDK throttles what reaches the server. */
const heartbeatEveryMs = 5_000;

/**
 * Sends one email at most once per workflow id + step + recipient. The evidence log is written before
 * the send and after SMTP answered: a retry finds `sent` and sends nothing. Should a worker die in the
 * instant between SMTP's acceptance and the record, the retry re-sends under the same Message-ID, which
 * mail clients fold into one message.
 *
 * One attempt at a time: the claim takes a lease on the email that outlasts the send (which is aborted
 * at `emailSendTimeoutMs`), and an attempt that finds the email held by another throws, to be retried,
 * instead of sending it a second time. Temporal starts such a second attempt when an attempt's
 * heartbeats stop reaching it, while the first may still be talking to the mail server. A cancelled
 * activity sends nothing more: the send in progress is aborted and no new one starts.
 *
 * Only the recipient's own refusal is an answer: a 5xx reply to RCPT TO for this recipient (or, from an
 * LMTP server, to its DATA). It is recorded `failed` and returned, not thrown: the caller decides what an
 * undeliverable notice means for its process. Everything else is a fault of ours or of a mail server,
 * however permanent its reply code looks (535 to our login, 550 to our sender address, a 5xx to the
 * message): it is recorded `deferred` with its kind, logged as a warning and thrown, so Temporal retries
 * it until the fault is fixed. A customer's notice must not be given up because our password expired.
 *
 * SMTP answers often quote the recipient ("550 5.1.1 <dpo@customer.example>: Recipient address
 * rejected"). What is returned, thrown or logged ends up in a workflow history, the Web UI or the logs,
 * so it carries the answer without any address; the evidence log, which holds the recipient anyway,
 * keeps it whole.
 */
export function createEmailSender(deps: EmailSenderDeps): EmailSender {
  const domain = deps.from.replace(/^.*@/, '').replace(/[>\s].*$/, '') || 'dpa-orchestrator.invalid';
  const sendTimeoutMs = deps.sendTimeoutMs ?? emailSendTimeoutMs;
  const leaseMs = deps.leaseMs ?? Math.max(emailLeaseMs, sendTimeoutMs + 15_000);
  /** When `claimAll` took each claim it gave: a send long after it renews the lease first. */
  const claimTimes = new WeakMap<EmailRecord, number>();
  const claimOf = (request: EmailRequest): EmailClaim => {
    const idempotencyKey = emailIdempotencyKey(request);
    return {
      idempotencyKey,
      workflowId: request.workflowId,
      step: request.step,
      recipient: request.recipient,
      subject: request.email.subject,
      language: request.language,
      messageId: `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@${domain}>`,
    };
  };
  return {
    async claimAll(requests) {
      const records = await deps.emails.claimMany(requests.map(claimOf), { leaseMs });
      const at = Date.now();
      for (const record of records) claimTimes.set(record, at);
      return records;
    },

    async send(request, claimed) {
      const activity = currentActivity();
      const cancellation = activity?.cancellationSignal;
      if (cancellation?.aborted) throw cancellation.reason;
      const claim = claimOf(request);
      const { idempotencyKey, messageId } = claim;
      const record = claimed ?? (await deps.emails.claim(claim, { leaseMs }));
      if (record.idempotencyKey !== idempotencyKey) throw new Error(`the claim given is of another email (step ${request.step})`);
      if (record.status === 'sent') return sentOutcome(record);
      // Claimed with its batch a while ago (behind a slow mail server): the lease must outlast this send too.
      const claimedAt = claimTimes.get(record);
      if (!record.sendingElsewhereUntil && claimedAt !== undefined && Date.now() - claimedAt > leaseMs - sendTimeoutMs - 5_000) {
        if (!(await deps.emails.renewLease(idempotencyKey, record.attempts, leaseMs))) {
          throw ApplicationFailure.retryable(
            `another attempt has taken this email (step ${request.step}) since it was claimed`,
            'EmailSendingElsewhere',
          );
        }
      }
      if (record.sendingElsewhereUntil) {
        // Retried: by then the other attempt has recorded its answer, or its lease is over.
        throw ApplicationFailure.retryable(
          `another attempt is sending this email (step ${request.step}); it holds it until ${record.sendingElsewhereUntil}`,
          'EmailSendingElsewhere',
        );
      }

      const beat = request.heartbeat ?? (activity ? () => activity.heartbeat() : undefined);
      // A heartbeat that throws must not bring the worker down from a timer; the next one may succeed.
      const heartbeats = beat
        ? setInterval(
            () =>
              void Promise.resolve()
                .then(beat)
                .catch(() => undefined),
            heartbeatEveryMs,
          )
        : undefined;
      const timeout = AbortSignal.timeout(sendTimeoutMs);
      try {
        const info = await deps.mailer.sendMail({
          from: deps.from,
          to: request.recipient,
          subject: request.email.subject,
          text: request.email.text,
          html: request.email.html,
          ...(request.email.attachments && {
            attachments: request.email.attachments.map(({ filename, contentType, content }) => ({ filename, contentType, content })),
          }),
          ...(request.email.calendar && {
            icalEvent: {
              method: request.email.calendar.method,
              filename: request.email.calendar.filename,
              content: request.email.calendar.content,
            },
          }),
          messageId,
          headers: request.omitTrackingHeaders ? {} : { 'X-DPA-Workflow-Id': request.workflowId, 'X-DPA-Step': request.step },
          // Aborting closes the connection carrying the email (or takes it off the pool's queue).
          signal: cancellation ? AbortSignal.any([timeout, cancellation]) : timeout,
        });
        const acceptedAt = new Date();
        const refusal = refusalOf(request.recipient, info as SmtpError & { rejected?: unknown[] });
        if (refusal) throw refusal;
        await deps.emails.markSent(idempotencyKey, String(info.response), acceptedAt);
        return { status: 'sent', messageId, acceptedAt: acceptedAt.toISOString() };
      } catch (error) {
        const cancelled = cancellation?.aborted === true;
        const kind: EmailFailureKind = cancelled ? 'cancelled' : failureKind(error, request.recipient, timeout.aborted);
        const reason =
          timeout.aborted && !cancelled ? `no answer from the mail server within ${sendTimeoutMs / 1000} s` : describeSmtpError(error);
        if (kind === 'recipient-refused') {
          await deps.emails.markFailed(idempotencyKey, reason);
          return { status: 'rejected', reason: withoutAddresses(reason) };
        }
        await deps.emails.markDeferred(idempotencyKey, reason, kind);
        if (cancelled) throw cancellation!.reason;
        const smtp = error as SmtpError;
        const smtpCode = recipientRejection(error, request.recipient)?.responseCode ?? smtp.responseCode;
        const deferral: EmailDeferral = {
          workflowId: request.workflowId,
          step: request.step,
          kind,
          ...(typeof smtpCode === 'number' && { smtpCode }),
          ...(typeof smtp.code === 'string' && { errorCode: smtp.code }),
          attempt: record.attempts,
          reason: withoutAddresses(reason),
        };
        const message = `email deferred (${kind}), will be retried: ${deferral.reason}`;
        if (deps.warn) deps.warn(message, deferral);
        else if (activity) activity.log.warn(message, { ...deferral });
        else console.warn(message, deferral);
        // Retried by Temporal; the original error (and its cause, which a failure would carry) stays here.
        throw ApplicationFailure.create({
          message: `the mail server did not accept the email yet: ${deferralExplanations[kind]}: ${deferral.reason}`,
          type: 'EmailDeferred',
          nonRetryable: false,
          details: [{ kind, ...(deferral.smtpCode !== undefined && { smtpCode: deferral.smtpCode }) }],
        });
      } finally {
        if (heartbeats) clearInterval(heartbeats);
      }
    },
  };
}

/** One email of a workflow's step to one recipient: sent once, whatever retries (addresses compared in lower case). */
export function emailIdempotencyKey(request: Pick<EmailRequest, 'workflowId' | 'step' | 'recipient'>): string {
  return `${request.workflowId}:${request.step}:${request.recipient.toLowerCase()}`;
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
  command?: string;
  responseCode?: number;
  response?: string;
  message?: string;
  recipient?: string;
  rejectedErrors?: SmtpError[];
}

/** What the Web UI shows, by kind, before the mail server's own words. */
const deferralExplanations: Record<EmailFailureKind, string> = {
  'recipient-refused': 'the recipient refused it',
  'recipient-deferred': "the recipient's mail server asked to try again later",
  authentication: 'the mail server refused our login',
  connection: 'the mail server could not be reached or did not answer',
  'sender-refused': 'the mail server refused our sender address',
  'message-refused': 'the mail server refused the message',
  cancelled: 'the attempt was cancelled',
  other: 'the email could not be handed to the mail server',
};

/** The refusal of this recipient by the server, at RCPT TO or (LMTP) after DATA, if there is one. */
function recipientRejection(error: unknown, recipient: string): SmtpError | undefined {
  const smtp = error as SmtpError | undefined;
  const rejections = smtp?.rejectedErrors ?? [];
  const wanted = recipient.toLowerCase();
  return (
    rejections.find((rejection) => rejection.recipient?.toLowerCase() === wanted) ?? (rejections.length === 1 ? rejections[0] : undefined)
  );
}

/** An accepted send that still refused the recipient (an LMTP server answers for each after DATA). */
function refusalOf(recipient: string, info: SmtpError & { rejected?: unknown[] }): SmtpError | undefined {
  if (!(info.rejected ?? []).length) return undefined;
  const rejection = recipientRejection(info, recipient);
  return { ...rejection, code: rejection?.code ?? 'EENVELOPE', rejectedErrors: rejection ? [rejection] : [] };
}

/**
 * RFC 5321 makes a 5yz reply permanent, but only for what it answers: a 5xx to RCPT TO is the
 * recipient's server refusing this recipient. A 5xx to our login, our sender address or the message is
 * about us or the mail server, and retrying succeeds once that is fixed. 503 (bad sequence of commands)
 * says the session was in the wrong state, not that the recipient was refused.
 */
function failureKind(error: unknown, recipient: string, timedOut: boolean): EmailFailureKind {
  const smtp = error as SmtpError;
  if (timedOut) return 'connection';
  const rejection = recipientRejection(error, recipient);
  if (rejection && (smtp.command === 'RCPT TO' || rejection.command === 'RCPT TO' || rejection.command === 'DATA')) {
    const code = rejection.responseCode ?? 0;
    return code >= 500 && code !== 503 ? 'recipient-refused' : 'recipient-deferred';
  }
  switch (smtp.code) {
    case 'EAUTH':
    case 'ENOAUTH':
    case 'EOAUTH2':
      return 'authentication';
    case 'ECONNECTION':
    case 'ETIMEDOUT':
    case 'ESOCKET':
    case 'EDNS':
    case 'ETLS':
    case 'EREQUIRETLS':
    case 'EPROTOCOL':
    case 'EPROXY':
      return 'connection';
    case 'EMESSAGE':
      return 'message-refused';
    case 'EENVELOPE':
      if (smtp.command === 'MAIL FROM') return smtp.responseCode === 530 ? 'authentication' : 'sender-refused';
      if (smtp.command === 'DATA') return 'message-refused';
      return 'other';
    default:
      return 'other';
  }
}

function describeSmtpError(error: unknown): string {
  const smtp = error as SmtpError;
  return [smtp.code, smtp.responseCode, smtp.response ?? smtp.message].filter((part) => part !== undefined).join(' ');
}

/** The activity this runs in; none when called outside one (a script, a test). */
function currentActivity(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}
