import { sendPrivacyTeamAlert, type AlertOutcome } from './privacy-team';
import type { SubprocessorChangeNotice } from '../domain/subprocessor-change';
import type { ProcessActivityDeps } from './deps';
import { customerFacts, emailCustomerContacts, type CustomerEmailRequest, type CustomerEmailResult } from './email/customer-contacts';
import * as changeEmails from './email/templates/subprocessor-change';
import { currentWorkflowId } from './workflow-context';

/** Which email of the objection window; each is sent once per workflow, step and recipient. */
export type ObjectionWindowEmail =
  | { kind: 'change-notice' }
  | { kind: 'objection-reminder' }
  | { kind: 'objection-rejected'; reason: string }
  | { kind: 'remedy-offer'; offer: string }
  | { kind: 'offer-reminder'; offer: string; offeredAt: string }
  | { kind: 'offer-stands'; reason: string }
  | { kind: 'termination-right'; why: changeEmails.TerminationRightReason; remedyDeadlineAt?: string };

export function createSubprocessorChangeActivities(deps: ProcessActivityDeps) {
  return {
    /**
     * One email of `objection-<changeId>~<customerId>` to every contact of the customer, in its
     * language. The contacts are read here, so no address enters a workflow history; the step (the
     * email's kind) and the workflow id make the idempotency key of each recipient.
     */
    async emailObjectionWindowCustomer(input: ObjectionWindowEmailRequest & { windowClosesAt: string }): Promise<CustomerEmailResult> {
      return emailObjectionWindow(deps, currentWorkflowId(), input);
    },

    /**
     * Internal alert to the privacy team (PRIVACY_TEAM_EMAIL), in English, when a customer could not be
     * told of a change: once per workflow and step. A refusal by the team's own address cannot be fixed
     * by retrying, so it is thrown as non-retryable and the workflow notes it.
     */
    async alertPrivacyTeamOfObjectionWindow(input: { step: string; alert: changeEmails.ObjectionWindowAlertFacts }): Promise<AlertOutcome> {
      return sendPrivacyTeamAlert(deps, input.step, changeEmails.renderObjectionWindowAlert(input.alert));
    },
  };
}

export interface ObjectionWindowEmailRequest {
  customerId: string;
  change: SubprocessorChangeNotice;
  /** The window's last instant as the email states it; or how to count it in the customer's time zone. */
  windowClosesAt: string | ((timeZone: string) => string);
  email: ObjectionWindowEmail;
  /** The email's step, when one kind goes out more than once (a second offer, reminders); its kind otherwise. */
  step?: string;
}

/** The replaced subprocessor's name, from the register; its id when the register lacks it. */
export async function replacedName(deps: ProcessActivityDeps, change: SubprocessorChangeNotice): Promise<string | undefined> {
  return change.replaces ? ((await deps.records.subprocessors.get(change.replaces))?.name ?? change.replaces) : undefined;
}

/**
 * One email of the window `workflowId` to every contact of the customer. The change's announcement
 * (activities/objection-windows.ts) sends the notice through here under the window's id before the
 * window starts, so whichever of the two sends it, it is sent once.
 */
export async function emailObjectionWindow(
  deps: ProcessActivityDeps,
  workflowId: string,
  input: ObjectionWindowEmailRequest,
  /** Looked up here when not given; a batch looks it up once for all its customers. */
  replaced?: string,
): Promise<CustomerEmailResult> {
  replaced ??= await replacedName(deps, input.change);
  return emailCustomerContacts(deps, objectionWindowEmail(deps, workflowId, input, replaced));
}

/** The email `emailObjectionWindow` sends, for a batch to send with others (`emailCustomersTogether`). */
export function objectionWindowEmail(
  deps: Pick<ProcessActivityDeps, 'contactPoint'>,
  workflowId: string,
  input: ObjectionWindowEmailRequest,
  replaced: string | undefined,
): CustomerEmailRequest {
  const { change } = input;
  return {
    workflowId,
    step: input.step ?? input.email.kind,
    customerId: input.customerId,
    render: (customer) => {
      const facts: changeEmails.SubprocessorChangeEmailFacts = {
        ...customerFacts(customer, deps.contactPoint),
        changeId: change.changeId,
        action: change.action,
        subprocessorName: change.subprocessor.name,
        country: change.subprocessor.country,
        purpose: change.subprocessor.purpose,
        ...(change.transferBasis !== undefined && { transferBasis: change.transferBasis }),
        ...(replaced !== undefined && { replacesName: replaced }),
        effectiveAt: change.effectiveAt,
        ...(change.urgent !== undefined && { urgentReason: change.urgent.reason }),
        windowClosesAt: typeof input.windowClosesAt === 'string' ? input.windowClosesAt : input.windowClosesAt(customer.timeZone),
      };
      const email = input.email;
      switch (email.kind) {
        case 'change-notice':
          return changeEmails.renderSubprocessorChangeNotice(facts, customer.language);
        case 'objection-reminder':
          return changeEmails.renderObjectionReminder(facts, customer.language);
        case 'objection-rejected':
          return changeEmails.renderObjectionRejected({ ...facts, reason: email.reason }, customer.language);
        case 'remedy-offer':
          return changeEmails.renderRemedyOffer({ ...facts, offer: email.offer }, customer.language);
        case 'offer-reminder':
          return changeEmails.renderOfferReminder({ ...facts, offer: email.offer, offeredAt: email.offeredAt }, customer.language);
        case 'offer-stands':
          return changeEmails.renderOfferStands({ ...facts, reason: email.reason }, customer.language);
        case 'termination-right':
          return changeEmails.renderTerminationRight(
            { ...facts, why: email.why, ...(email.remedyDeadlineAt !== undefined && { remedyDeadlineAt: email.remedyDeadlineAt }) },
            customer.language,
          );
      }
    },
  };
}
