import { heartbeat } from '@temporalio/activity';
import type { Customer } from '../domain/customer';
import type { Language } from '../domain/language';
import { auditAttachments } from './audit-attachments';
import type { ProcessActivityDeps } from './deps';
import { emailCustomerContacts, type CustomerEmailResult } from './email/customer-contacts';
import * as auditEmails from './email/templates/audit';
import type { RenderedEmail } from './email/templates/rendered-email';
import { sendPrivacyTeamAlert, type AlertOutcome } from './privacy-team';
import { currentWorkflowId } from './workflow-context';

/** What became of an email to everyone invited: the customer's contacts, the auditor, the privacy team. */
export interface InviteesEmailResult {
  customer: CustomerEmailResult;
  /** `none`: the product gave no address for the auditor. */
  auditor: 'sent' | 'refused' | 'none';
  /** `not-sent`: the customer has no record, so nobody was invited. */
  team: 'sent' | 'refused' | 'not-sent';
}

/** The facts of one audit that every email needs; the customer's and the auditor's own are read here. */
export interface AuditCaseInput {
  auditId: string;
  customerId: string;
  step: string;
}

/** Which calendar version an invitation or a cancellation is (see templates/audit/calendar.ts). */
export interface AuditCalendarInput {
  date: string;
  sequence: number;
  stampedAt: string;
}

/**
 * Activities of the audit process (policy 12.1-12.4). Every email is keyed by workflow id + step +
 * recipient. The auditor's name and address are read from the records inside the activity that needs
 * them and never returned to the workflow.
 */
export function createAuditActivities(deps: ProcessActivityDeps) {
  const caseFacts = (input: AuditCaseInput, customer: Customer): auditEmails.AuditCaseFacts => ({
    customerName: customer.name,
    auditId: input.auditId,
    contact: deps.contactPoint,
  });

  /**
   * One email to everyone invited, each in its language: the customer's contacts and the auditor in the
   * customer's language (the customer chose its auditor), the privacy team in English.
   */
  async function emailInvitees(
    input: AuditCaseInput,
    render: (
      customer: Customer,
      language: Language,
      attendees: Array<{ email: string; name?: string }>,
      audience: 'customer' | 'auditor' | 'team',
    ) => RenderedEmail,
  ): Promise<InviteesEmailResult> {
    const customer = await deps.records.customers.get(input.customerId);
    if (!customer) return { customer: { status: 'customer-unknown' }, auditor: 'none', team: 'not-sent' };
    const auditor = await deps.records.audits.auditor(input.auditId);
    const attendees = [
      ...customer.contacts.map((contact) => ({ email: contact.email, ...(contact.name !== undefined && { name: contact.name }) })),
      ...(auditor?.email !== undefined ? [{ email: auditor.email, name: auditor.name }] : []),
      { email: deps.privacyTeamEmail, name: deps.contactPoint.name },
    ];
    const workflowId = currentWorkflowId();
    const customerResult = await emailCustomerContacts(deps, {
      workflowId,
      step: input.step,
      customerId: input.customerId,
      render: (found) => render(found, found.language, attendees, 'customer'),
    });
    let auditorResult: InviteesEmailResult['auditor'] = 'none';
    if (auditor?.email !== undefined) {
      const outcome = await deps.emails.send({
        workflowId,
        step: input.step,
        recipient: auditor.email,
        language: customer.language,
        email: render(customer, customer.language, attendees, 'auditor'),
      });
      auditorResult = outcome.status === 'sent' ? 'sent' : 'refused';
      heartbeat();
    }
    const team = await deps.emails.send({
      workflowId,
      step: input.step,
      recipient: deps.privacyTeamEmail,
      language: 'en',
      email: render(customer, 'en', attendees, 'team'),
    });
    return { customer: customerResult, auditor: auditorResult, team: team.status === 'sent' ? 'sent' : 'refused' };
  }

  const calendarFacts = (
    input: AuditCaseInput & AuditCalendarInput,
    customer: Customer,
    language: Language,
    attendees: Array<{ email: string; name?: string }>,
  ): auditEmails.AuditCalendarFacts => {
    const copy = auditEmails.auditCopies[language];
    return {
      auditId: input.auditId,
      date: input.date,
      sequence: input.sequence,
      stampedAt: input.stampedAt,
      summary: copy.event.summary(input.auditId),
      description: copy.event.description(customer.name),
      organizer: { name: deps.contactPoint.name, email: deps.contactPoint.email },
      attendees,
    };
  };

  return {
    async recordAuditDate(input: { auditId: string; date: string; version: number }): Promise<void> {
      await deps.records.audits.recordDate(input.auditId, { date: input.date, version: input.version });
    },

    async recordAuditConfidentiality(input: { auditId: string; confirmedAt: string; reference?: string }): Promise<void> {
      const { auditId, ...confirmation } = input;
      await deps.records.audits.recordConfidentiality(auditId, confirmation);
    },

    async recordAuditFindings(input: {
      auditId: string;
      summary: string;
      seriousIncidentFound: boolean;
      policyBreachFound: boolean;
      processorCostShare: number;
      recordedAt: string;
    }): Promise<void> {
      const { auditId, ...findings } = input;
      await deps.records.audits.recordFindings(auditId, findings);
    },

    async recordAuditCancellation(input: { auditId: string; cancelledAt: string; reason?: string }): Promise<void> {
      const { auditId, ...cancellation } = input;
      await deps.records.audits.recordCancellation(auditId, cancellation);
    },

    /** 12.2: the proposed date is too early; the customer is told the earliest date and asked for another. */
    async askCustomerForAnotherAuditDate(
      input: AuditCaseInput & { proposedDate: string; earliestDate: string },
    ): Promise<CustomerEmailResult> {
      return emailCustomerContacts(deps, {
        workflowId: currentWorkflowId(),
        step: input.step,
        customerId: input.customerId,
        render: (customer) =>
          auditEmails.renderAuditTooEarly(
            { ...caseFacts(input, customer), proposedDate: input.proposedDate, earliestDate: input.earliestDate },
            customer.language,
          ),
      });
    },

    /** The invitation (or a new date) with its calendar event, METHOD:REQUEST, to everyone invited. */
    async sendAuditInvitation(input: AuditCaseInput & AuditCalendarInput & { previousDate?: string }): Promise<InviteesEmailResult> {
      const auditor = await deps.records.audits.auditor(input.auditId);
      const auditorLine = auditor ? [auditor.name, auditor.organisation].filter(Boolean).join(', ') : undefined;
      const scope = (await deps.records.audits.get(input.auditId))?.scope;
      // 12.1: the customer's contacts get what they need to verify compliance with the invitation,
      // as of the day the date was fixed (the same documents on every retry of that day's invitation).
      const attachments = await auditAttachments(deps.records, input.customerId, input.stampedAt);
      return emailInvitees(input, (customer, language, attendees, audience) => {
        const email = auditEmails.renderAuditInvitation(
          {
            ...caseFacts(input, customer),
            date: input.date,
            ...(input.previousDate !== undefined && { previousDate: input.previousDate }),
            ...(auditorLine !== undefined && { auditor: auditorLine }),
            ...(scope !== undefined && { scope }),
            calendar: auditEmails.auditCalendar(calendarFacts(input, customer, language, attendees), 'REQUEST'),
            withDocuments: audience === 'customer',
          },
          language,
        );
        return audience === 'customer' ? { ...email, attachments } : email;
      });
    },

    /** The audit called off: METHOD:CANCEL of the event sent, to everyone invited. */
    async sendAuditCancellation(input: AuditCaseInput & AuditCalendarInput): Promise<InviteesEmailResult> {
      return emailInvitees(input, (customer, language, attendees) =>
        auditEmails.renderAuditCancellation(
          {
            ...caseFacts(input, customer),
            date: input.date,
            calendar: auditEmails.auditCalendar(calendarFacts(input, customer, language, attendees), 'CANCEL'),
          },
          language,
        ),
      );
    },

    /** Everyone invited, some working days before the date. */
    async remindAuditInvitees(input: AuditCaseInput & { date: string; confidentialityMissing: boolean }): Promise<InviteesEmailResult> {
      const scope = (await deps.records.audits.get(input.auditId))?.scope;
      return emailInvitees(input, (customer, language) =>
        auditEmails.renderAuditReminder(
          {
            ...caseFacts(input, customer),
            date: input.date,
            confidentialityMissing: input.confidentialityMissing,
            ...(scope !== undefined && { scope }),
          },
          language,
        ),
      );
    },

    /** 12.3: the customer, while it has not confirmed that its auditors are bound. */
    async remindCustomerOfAuditConfidentiality(input: AuditCaseInput & { date: string }): Promise<CustomerEmailResult> {
      return emailCustomerContacts(deps, {
        workflowId: currentWorkflowId(),
        step: input.step,
        customerId: input.customerId,
        render: (customer) =>
          auditEmails.renderAuditConfidentialityReminder({ ...caseFacts(input, customer), date: input.date }, customer.language),
      });
    },

    /** 12.4: the findings and the cost allocation, to the customer. */
    async sendAuditOutcome(
      input: AuditCaseInput & {
        date: string;
        summary: string;
        seriousIncidentFound: boolean;
        policyBreachFound: boolean;
        processorCostShare: number;
      },
    ): Promise<CustomerEmailResult> {
      const { auditId, customerId, step, ...findings } = input;
      return emailCustomerContacts(deps, {
        workflowId: currentWorkflowId(),
        step,
        customerId,
        render: (customer) =>
          auditEmails.renderAuditOutcome({ ...caseFacts({ auditId, customerId, step }, customer), ...findings }, customer.language),
      });
    },

    /** Internal alerts to the processor's privacy team, in English, identifiers only. */
    async alertPrivacyTeamOfAudit(input: { step: string; alert: auditEmails.AuditPrivacyTeamAlertFacts }): Promise<AlertOutcome> {
      return sendPrivacyTeamAlert(deps, input.step, auditEmails.renderAuditPrivacyTeamAlert(input.alert));
    },
  };
}
