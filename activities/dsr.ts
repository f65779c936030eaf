import { sendPrivacyTeamAlert, type AlertOutcome } from './privacy-team';
import { heartbeat } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { dsrActionRequestedType, type DsrAction, type DsrOutcome, type DsrRequestType, type DsrSource } from '../domain/dsr';
import type { ProcessActivityDeps } from './deps';
import { emailCustomer, type CustomerEmailResult, type CustomerFacts } from './email/customer-contacts';
import * as dsrEmails from './email/templates/dsr';
import { deliverProductWebhook } from './product-webhook';
import { currentWorkflowId } from './workflow-context';

/** The facts of a request every customer email needs; the customer's own (name, zone) are read here. */
export interface DsrCaseInput {
  requestId: string;
  customerId: string;
  requestType: DsrRequestType;
  receivedAt: string;
  deadlineAt: string;
}

export type DsrCustomerLookup = { status: 'known'; timeZone: string } | { status: 'unknown' };

export type DsrSubjectConfirmationResult =
  | { status: 'confirmed'; confirmedAt: string }
  /** The product gave no address for the subject: there is nobody to confirm to. */
  | { status: 'no-address' }
  | { status: 'refused'; problem: string }
  | { status: 'customer-unknown' };

/**
 * Activities of the data subject request process (policy 10.1-10.2). Every email is keyed by workflow id
 * + step + recipient; every record write is idempotent. The subject's address is read from the records
 * inside the one activity that needs it and is never returned to the workflow.
 */
export function createDsrActivities(deps: ProcessActivityDeps) {
  /** What every email about the request shows: the customer's facts, and the request's. */
  const caseFacts = (input: DsrCaseInput, customer: CustomerFacts): dsrEmails.DsrCaseFacts => ({
    ...customer,
    requestId: input.requestId,
    requestType: input.requestType,
    receivedAt: input.receivedAt,
    deadlineAt: input.deadlineAt,
  });

  return {
    /** The customer's zone decides the calendar month (Art. 12(3)); unknown while the product has not described it. */
    async lookupDsrCustomer(input: { customerId: string }): Promise<DsrCustomerLookup> {
      const customer = await deps.records.customers.get(input.customerId);
      return customer ? { status: 'known', timeZone: customer.timeZone } : { status: 'unknown' };
    },

    async recordDsrCase(input: {
      requestId: string;
      customerId: string;
      requestType: DsrRequestType;
      receivedAt: string;
      reportedAt: string;
      timeZone: string;
      originalDeadlineAt: string;
    }): Promise<void> {
      await deps.records.dsr.openCase(input);
    },

    /** 10.2: the customer is told at once, with its deadline and that nothing happens without its instruction. */
    async notifyCustomerOfDsr(input: DsrCaseInput): Promise<CustomerEmailResult> {
      const subjectWillBeConfirmed = (await deps.records.dsr.subjectEmail(input.requestId)) !== undefined;
      const result = await emailCustomer(deps, 'customer-notice', input.customerId, (customer, language) =>
        dsrEmails.renderDsrNotice({ ...caseFacts(input, customer), subjectWillBeConfirmed }, language),
      );
      if (result.status === 'sent') await deps.records.dsr.recordCustomerNotice(input.requestId, { notifiedAt: result.firstAcceptedAt });
      if (result.status === 'undeliverable') await deps.records.dsr.recordCustomerNotice(input.requestId, { problem: result.problem });
      return result;
    },

    /**
     * 10.2: the only thing the processor may tell the subject is that the request concerns the customer.
     * In the customer's language, since that is the language of the service the subject used.
     */
    async confirmDsrToSubject(input: { requestId: string; customerId: string }): Promise<DsrSubjectConfirmationResult> {
      const address = await deps.records.dsr.subjectEmail(input.requestId);
      if (address === undefined) return { status: 'no-address' };
      const customer = await deps.records.customers.get(input.customerId);
      if (!customer) return { status: 'customer-unknown' };
      // A transient SMTP error often quotes the recipient, and a thrown error (with its cause) is logged by
      // the worker and shown in the Web UI: it is rethrown, and retried, with the subject's address taken
      // out, and without the original as its cause.
      const sent = await deps.emails
        .send({
          workflowId: currentWorkflowId(),
          step: 'subject-confirmation',
          recipient: address,
          language: customer.language,
          email: dsrEmails.renderDsrSubjectConfirmation({ customerName: customer.name }, customer.language),
          // 10.1: the subject learns which customer the request concerns, and nothing else.
          omitTrackingHeaders: true,
        })
        .then(
          (outcome) => ({ outcome }),
          (error: unknown) => ({ failure: withoutAddress(error, address) }),
        );
      if ('failure' in sent) throw new Error(`the confirmation to the data subject could not be sent yet: ${sent.failure}`);
      const { outcome } = sent;
      heartbeat();
      // The SMTP answer may quote the address; the workflow gets a reason without it.
      if (outcome.status === 'rejected') return { status: 'refused', problem: "the data subject's address refused the confirmation" };
      await deps.records.dsr.recordSubjectConfirmation(input.requestId, outcome.acceptedAt);
      return { status: 'confirmed', confirmedAt: outcome.acceptedAt };
    },

    /** A reminder before the deadline while the instruction is awaited; `step` names the deadline and offset. */
    async remindCustomerOfDsr(input: DsrCaseInput & { step: string }): Promise<CustomerEmailResult> {
      return emailCustomer(deps, input.step, input.customerId, (customer, language) =>
        dsrEmails.renderDsrReminder(caseFacts(input, customer), language),
      );
    },

    /** Art. 12(3): one extension in the records, idempotent on its sequence number. */
    async recordDsrExtension(input: {
      requestId: string;
      sequence: number;
      extraMonths: number;
      totalExtensionMonths: number;
      deadlineAt: string;
      reason?: string;
      source: DsrSource;
      requestedAt: string;
    }): Promise<void> {
      const { requestId, ...extension } = input;
      await deps.records.dsr.recordExtension(requestId, extension);
    },

    async confirmDsrExtension(
      input: DsrCaseInput & { step: string; extraMonths: number; extensionMonths: number; originalDeadlineAt: string; reason?: string },
    ): Promise<CustomerEmailResult> {
      const { extraMonths, extensionMonths, originalDeadlineAt, reason } = input;
      return emailCustomer(deps, input.step, input.customerId, (customer, language) =>
        dsrEmails.renderDsrExtension(
          { ...caseFacts(input, customer), extraMonths, extensionMonths, originalDeadlineAt, ...(reason !== undefined && { reason }) },
          language,
        ),
      );
    },

    async recordDsrInstruction(input: {
      requestId: string;
      instruction: string;
      note?: string;
      source: DsrSource;
      instructedAt: string;
    }): Promise<void> {
      const { requestId, ...instruction } = input;
      await deps.records.dsr.recordInstruction(requestId, instruction);
    },

    /**
     * Asks the product to carry out the customer's instruction: a signed `dsr.action-requested` webhook
     * under a deterministic id, without the subject's address (the product knows its own subject by the
     * request id). Every attempt is recorded; a refusal is thrown so that Temporal retries until the
     * product answers 2xx. Without PRODUCT_WEBHOOK_URL/_SECRET it fails at once, non-retryably.
     */
    async requestDsrAction(input: {
      requestId: string;
      customerId: string;
      action: DsrAction;
      note?: string;
      webhookId: string;
      requestedAt: string;
    }): Promise<{ acceptedAt: string; status: number }> {
      const request = { webhookId: input.webhookId, requestId: input.requestId, action: input.action, requestedAt: input.requestedAt };
      if (!deps.productWebhook) {
        // Evidence that the instruction was not forgotten: the attempt is on record, then the failure is raised.
        await deps.records.dsr.recordActionAttempt(request, {
          at: new Date().toISOString(),
          answer: 'not sent: the product webhook is not configured',
          accepted: false,
        });
      }
      const attempt = await deliverProductWebhook(deps.productWebhook, {
        webhookId: input.webhookId,
        type: dsrActionRequestedType,
        timestamp: input.requestedAt,
        data: {
          requestId: input.requestId,
          customerId: input.customerId,
          action: input.action,
          ...(input.note !== undefined && { note: input.note }),
        },
      });
      await deps.records.dsr.recordActionAttempt(request, {
        at: attempt.at,
        answer: attempt.accepted ? String(attempt.status) : attempt.answer,
        accepted: attempt.accepted,
      });
      if (!attempt.accepted)
        throw ApplicationFailure.retryable(`the product did not accept ${input.webhookId}: ${attempt.answer}`, 'ProductRefused');
      return { acceptedAt: attempt.at, status: attempt.status };
    },

    async recordDsrActionCompleted(input: {
      requestId: string;
      action: DsrAction;
      webhookId: string;
      requestedAt: string;
      completedAt: string;
      note?: string;
      source: DsrSource;
    }): Promise<void> {
      const { completedAt, note, source, ...request } = input;
      await deps.records.dsr.recordActionCompleted(request, { completedAt, source, ...(note !== undefined && { note }) });
    },

    /** The closing confirmation to the customer: its instruction carried out, or its own handling recorded. */
    async confirmDsrClosure(
      input: DsrCaseInput & {
        closedAt: string;
        outcome: { kind: 'carried-out'; action: DsrAction; completedAt: string } | { kind: 'handled-by-customer' };
      },
    ): Promise<CustomerEmailResult> {
      return emailCustomer(deps, 'closure-confirmation', input.customerId, (customer, language) =>
        dsrEmails.renderDsrClosure({ ...caseFacts(input, customer), closedAt: input.closedAt, outcome: input.outcome }, language),
      );
    },

    async closeDsrRecord(input: { requestId: string; closedAt: string; outcome: DsrOutcome }): Promise<void> {
      await deps.records.dsr.close(input.requestId, { closedAt: input.closedAt, outcome: input.outcome });
    },

    /** Internal alerts to the processor's privacy team (PRIVACY_TEAM_EMAIL), in English, identifiers only. */
    async alertPrivacyTeamOfDsr(input: { step: string; alert: dsrEmails.DsrPrivacyTeamAlertFacts }): Promise<AlertOutcome> {
      return sendPrivacyTeamAlert(deps, input.step, dsrEmails.renderDsrPrivacyTeamAlert(input.alert));
    },
  };
}

function withoutAddress(error: unknown, address: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(new RegExp(escapeRegExp(address), 'gi'), '<data subject>');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
