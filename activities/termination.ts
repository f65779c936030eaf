import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { workflowIds } from '../domain/ids';
import {
  certificateFilename,
  deletionRequestedType,
  type CertifiedStore,
  exportWindowClosesAt,
  exportWindowDays,
  type DeletionMethod,
  type ExportWindowSource,
  type TerminationConfig,
  type TerminationSource,
} from '../domain/termination';
import { defaultTimeZone } from '../domain/language';
import type { ProcessActivityDeps } from './deps';
import { emailCustomer, type CustomerEmailResult, type CustomerFacts } from './email/customer-contacts';
import * as terminationEmails from './email/templates/termination';
import { sendPrivacyTeamAlert, type AlertOutcome } from './privacy-team';
import { serverClock } from './objection-windows';
import { deliverProductWebhook } from './product-webhook';

/** The facts of a termination every customer email needs; the customer's own (name, zone) are read here. */
export interface TerminationCaseInput {
  customerId: string;
  terminatedAt: string;
  closesAt: string;
}

export type TerminationCustomerLookup = {
  status: 'known' | 'unknown';
  /** The customer's zone; the policy's when it is unknown. */
  timeZone?: string;
  windowDays: number;
  windowSource: ExportWindowSource;
  stores: string[];
};

/** The notice's outcome; once sent, the instant the window starts (the server's clock, as the workflow's timers). */
export type TerminationNoticeResult =
  Exclude<CustomerEmailResult, { status: 'sent' }> | (Extract<CustomerEmailResult, { status: 'sent' }> & { acceptedAt: string });

/**
 * Activities of the end-of-contract process (policy 11.1-11.3, 13). Every email is keyed by workflow id
 * + step + recipient; every record write is idempotent.
 */
export function createTerminationActivities(deps: ProcessActivityDeps & { termination: TerminationConfig; temporal: Client }) {
  const terminations = deps.records.terminations;
  const caseFacts = (input: TerminationCaseInput, customer: CustomerFacts): terminationEmails.TerminationCaseFacts => ({
    ...customer,
    customerId: input.customerId,
    terminatedAt: input.terminatedAt,
    closesAt: input.closesAt,
  });
  const exportHow = (language: 'nl' | 'fr' | 'en'): terminationEmails.ExportHow => ({
    url: deps.termination.exportTool.url,
    instructions: deps.termination.exportTool.instructions[language],
  });

  return {
    /**
     * 11.2: the period the notice states (the event's, else the contract's, else EXPORT_WINDOW_DAYS), the
     * customer's zone, and the stores to delete from (PRODUCT_DATA_STORES), as they stand now.
     */
    async lookupTerminationCustomer(input: { customerId: string; exportWindowDays?: number }): Promise<TerminationCustomerLookup> {
      const customer = await deps.records.customers.get(input.customerId);
      const window = exportWindowDays(
        input.exportWindowDays,
        customer?.contract.exportWindowDays,
        deps.termination.defaultExportWindowDays,
      );
      return {
        status: customer ? 'known' : 'unknown',
        ...(customer && { timeZone: customer.timeZone }),
        windowDays: window.days,
        windowSource: window.source,
        stores: [...deps.termination.dataStores],
      };
    },

    /** The case in the records (the endpoint usually wrote it first; a case started otherwise writes it here). */
    async recordTermination(input: {
      customerId: string;
      terminatedAt: string;
      reportedAt: string;
      exportWindowDays?: number;
    }): Promise<void> {
      await terminations.recordReceipt(input);
    },

    /**
     * 11.2: the notice, stating the window's exact end. The end is stated from the moment of sending; the
     * window starts when the mail server accepts the notice, which the workflow records (never earlier
     * than stated: the same local day, or later should the send pass midnight).
     */
    async notifyCustomerOfTermination(input: {
      customerId: string;
      terminatedAt: string;
      windowDays: number;
    }): Promise<TerminationNoticeResult> {
      const clock = serverClock();
      const statedAt = new Date(clock()).toISOString();
      const sent = await emailCustomer(deps, 'export-notice', input.customerId, (customer, language) =>
        terminationEmails.renderTerminationNotice(
          {
            ...caseFacts({ ...input, closesAt: exportWindowClosesAt(statedAt, customer.timeZone, input.windowDays) }, customer),
            windowDays: input.windowDays,
            exportHow: exportHow(language),
          },
          language,
        ),
      );
      // What the notice stated, or later should the send have passed midnight: never earlier than stated.
      return sent.status === 'sent' ? { ...sent, acceptedAt: new Date(clock()).toISOString() } : sent;
    },

    async recordExportWindow(input: {
      customerId: string;
      exportWindowDays: number;
      windowSource: ExportWindowSource;
      timeZone: string;
      noticeAcceptedAt: string;
      exportClosesAt: string;
    }): Promise<void> {
      const { customerId, ...window } = input;
      await terminations.recordWindow(customerId, window);
    },

    /** A reminder before the window ends; `step` names the end and the offset, so a moved end reminds again. */
    async remindCustomerOfExportWindow(input: TerminationCaseInput & { step: string }): Promise<CustomerEmailResult> {
      return emailCustomer(deps, input.step, input.customerId, (customer, language) =>
        terminationEmails.renderTerminationReminder({ ...caseFacts(input, customer), exportHow: exportHow(language) }, language),
      );
    },

    async recordExportExtension(input: {
      customerId: string;
      sequence: number;
      extraDays: number;
      reason?: string;
      source: TerminationSource;
      requestedAt: string;
      closesAt: string;
    }): Promise<void> {
      const { customerId, ...extension } = input;
      await terminations.recordExtension(customerId, extension);
    },

    /** The customer gets the new end of its window. */
    async confirmExportExtension(
      input: TerminationCaseInput & { step: string; extraDays: number; previousClosesAt: string; reason?: string },
    ): Promise<CustomerEmailResult> {
      return emailCustomer(deps, input.step, input.customerId, (customer, language) =>
        terminationEmails.renderTerminationExtension(
          {
            ...caseFacts(input, customer),
            extraDays: input.extraDays,
            previousClosesAt: input.previousClosesAt,
            ...(input.reason !== undefined && { reason: input.reason }),
          },
          language,
        ),
      );
    },

    async recordExportCompleted(input: { customerId: string; completedAt: string; deleteNow: boolean }): Promise<void> {
      await terminations.recordExportCompleted(input.customerId, { completedAt: input.completedAt, deleteNow: input.deleteNow });
    },

    /** The controller's written choice: the rest of the window waived at its request, deletion starts. */
    async confirmExportWaiver(input: TerminationCaseInput & { exportCompletedAt: string; waivedAt: string }): Promise<CustomerEmailResult> {
      return emailCustomer(deps, 'export-waived', input.customerId, (customer, language) =>
        terminationEmails.renderTerminationWaiver(
          { ...caseFacts(input, customer), exportCompletedAt: input.exportCompletedAt, waivedAt: input.waivedAt },
          language,
        ),
      );
    },

    /**
     * 11.3: asks one store to delete or anonymise the customer's personal data, by a signed
     * `deletion.requested` webhook under the store's stable id. Every attempt is recorded; a refusal is
     * thrown so that Temporal retries until the product answers 2xx. Without PRODUCT_WEBHOOK_URL/_SECRET it
     * fails at once, non-retryably.
     */
    async requestStoreDeletion(input: {
      customerId: string;
      store: string;
      webhookId: string;
      requestedAt: string;
    }): Promise<{ acceptedAt: string; status: number }> {
      await terminations.recordDeletionRequested(input.customerId, {
        store: input.store,
        webhookId: input.webhookId,
        requestedAt: input.requestedAt,
      });
      if (!deps.productWebhook)
        await terminations.recordDeletionAttempt(input.customerId, input.store, 'not sent: the product webhook is not configured');
      const attempt = await deliverProductWebhook(deps.productWebhook, {
        webhookId: input.webhookId,
        type: deletionRequestedType,
        timestamp: input.requestedAt,
        data: { customerId: input.customerId, store: input.store, requestedAt: input.requestedAt },
      });
      await terminations.recordDeletionAttempt(input.customerId, input.store, attempt.accepted ? String(attempt.status) : attempt.answer);
      if (!attempt.accepted)
        throw ApplicationFailure.retryable(`the product did not accept ${input.webhookId}: ${attempt.answer}`, 'ProductRefused');
      return { acceptedAt: attempt.at, status: attempt.status };
    },

    async recordDeletionConfirmed(input: {
      customerId: string;
      store: string;
      method: DeletionMethod;
      completedAt: string;
      reference: string;
      lastCopyExpiresAt?: string;
      source: TerminationSource;
    }): Promise<void> {
      const { customerId, store, ...confirmation } = input;
      await terminations.recordDeletionConfirmed(customerId, store, confirmation);
    },

    async recordTerminationDeleted(input: { customerId: string; deletedAt: string }): Promise<void> {
      await terminations.recordDeleted(input.customerId, input.deletedAt);
    },

    /**
     * 11.3: the certificate of deletion, once every store confirmed: built as a PDF in the customer's
     * language, kept in the records (one per customer: a retry finds the first and sends it, byte for
     * byte), and emailed to every contact with the stores listed in the body. The workflow gets back the
     * hash, never the bytes. A customer the product never described gets one in English, kept and not sent.
     */
    async issueDeletionCertificate(input: {
      customerId: string;
      terminatedAt: string;
      deletedAt: string;
      stores: CertifiedStore[];
    }): Promise<{ sha256: string; filename: string; language: string; email: CustomerEmailResult }> {
      const certificates = deps.records.certificates;
      let certificate = await certificates.get(input.customerId);
      if (!certificate) {
        const customer = await deps.records.customers.get(input.customerId);
        const language = customer?.language ?? 'en';
        const issuedAt = new Date(serverClock()()).toISOString();
        const pdf = await terminationEmails.renderCertificatePdf(
          {
            customerId: input.customerId,
            customerName: customer?.name ?? input.customerId,
            timeZone: customer?.timeZone ?? defaultTimeZone,
            deletedAt: input.deletedAt,
            issuedAt,
            stores: input.stores,
            ...(deps.termination.processorName !== undefined && { processorName: deps.termination.processorName }),
            contact: deps.contactPoint,
          },
          language,
        );
        certificate = await certificates.keep({
          customerId: input.customerId,
          language,
          filename: certificateFilename(input.customerId),
          pdf,
          stores: input.stores,
          deletedAt: input.deletedAt,
          issuedAt,
        });
      }
      const kept = certificate;
      const email = await emailCustomer(deps, 'certificate-of-deletion', input.customerId, (customer, language) =>
        terminationEmails.renderTerminationCertificate(
          {
            ...customer,
            customerId: input.customerId,
            terminatedAt: input.terminatedAt,
            deletedAt: kept.deletedAt,
            stores: kept.stores,
            certificate: { filename: kept.filename, pdf: kept.pdf },
          },
          language,
        ),
      );
      await certificates.recordEmailed(input.customerId, email.status, email.status === 'sent' ? email.firstAcceptedAt : undefined);
      return { sha256: kept.sha256, filename: kept.filename, language: kept.language, email };
    },

    /**
     * 13: the customer's other cases end with the contract, once its data is deleted. Its objection
     * windows still running are closed with outcome `contract-ended` (the change stops waiting for
     * them); an objection in progress gets that outcome and its workflow is ended with that reason
     * (terminated: the objection workflow has no message for it). Gives the customer's open data
     * subject requests, which the workflow tells itself (dsrContractEnded). Breach cases run on.
     */
    async endCasesOfEndedContract(input: { customerId: string; deletedAt: string }): Promise<{
      dsrRequestIds: string[];
      windowsClosed: number;
      objectionsEnded: string[];
    }> {
      const ended = await deps.records.objectionWindowsAfterContract.endWindowsOf(
        input.customerId,
        new Date(serverClock()()).toISOString(),
      );
      const objectionsEnded: string[] = [];
      for (const window of ended.filter((candidate) => candidate.objectionInProgress)) {
        const workflowId = workflowIds.objection(window.changeId, input.customerId);
        objectionsEnded.push(workflowId);
        await deps.temporal.workflow
          .getHandle(workflowId)
          .terminate(`contract-ended: the contract of customer ${input.customerId} ended and its data was deleted (${input.deletedAt})`)
          .catch((error: unknown) => {
            // Ended already (or never started): the window's outcome is recorded all the same.
            if (!(error instanceof WorkflowNotFoundError)) throw error;
          });
      }
      return {
        dsrRequestIds: await deps.records.dsrAfterContract.openRequestIds(input.customerId),
        windowsClosed: ended.length - objectionsEnded.length,
        objectionsEnded,
      };
    },

    async openDsrRequestsOf(input: { customerId: string }): Promise<string[]> {
      return deps.records.dsrAfterContract.openRequestIds(input.customerId);
    },

    /** After the certificate: no personal data of the customer's data subjects stays in this product's records. */
    async anonymiseDataSubjectsOf(input: { customerId: string }): Promise<{ anonymisedAt: string; requests: number }> {
      const anonymisedAt = new Date(serverClock()()).toISOString();
      const requests = await deps.records.dsrAfterContract.anonymiseSubjects(input.customerId, anonymisedAt);
      return { anonymisedAt, requests };
    },

    /** Internal alerts to the processor's privacy team (PRIVACY_TEAM_EMAIL), in English, identifiers only. */
    async alertPrivacyTeamOfTermination(input: {
      step: string;
      alert: terminationEmails.TerminationPrivacyTeamAlertFacts;
    }): Promise<AlertOutcome> {
      return sendPrivacyTeamAlert(deps, input.step, terminationEmails.renderTerminationPrivacyTeamAlert(input.alert));
    },
  };
}
