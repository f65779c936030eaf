import { sendPrivacyTeamAlert, type AlertOutcome } from './privacy-team';
import type {
  InstructionDecision,
  InstructionInput,
  InstructionResolution,
  InstructionRevision,
  InstructionSuspension,
  RevisionJudgement,
  ProcessingDecision,
  SuspensionCause,
} from '../domain/instruction';
import type { ProcessActivityDeps } from './deps';
import { emailCustomer, type CustomerEmailResult, type CustomerFacts } from './email/customer-contacts';
import * as instructionEmails from './email/templates/instruction';

/** What each email about one instruction needs from the workflow; the customer is read here. */
export interface InstructionEmailContext {
  instructionId: string;
  customerId: string;
  flaggedAt: string;
  responseDueAt?: string;
  suspendedAt?: string;
}

/** One step per email of the case: the idempotency key is workflow id + step + recipient. */
export const instructionEmailSteps = {
  notice: 'flag-notice',
  suspension: 'suspension-notice',
  decision: (sequence: number) => `decision-${sequence}`,
  revisionRejected: (sequence: number) => `revision-${sequence}-rejected`,
  reminder: (reminderNumber: number) => `reminder-${reminderNumber}`,
  resumed: 'resumption-confirmation',
} as const;

export function createInstructionActivities(deps: ProcessActivityDeps) {
  const records = deps.records.instructions;

  /** What every email about the instruction shows: the customer's facts, and the instruction's. */
  const caseFacts = (input: InstructionEmailContext, customer: CustomerFacts): instructionEmails.InstructionCaseFacts => ({
    ...customer,
    instructionId: input.instructionId,
    flaggedAt: input.flaggedAt,
    ...(input.responseDueAt !== undefined && { responseDueAt: input.responseDueAt }),
    ...(input.suspendedAt !== undefined && { suspendedAt: input.suspendedAt }),
  });

  return {
    /** 3.2: the instruction is recorded as flagged, with the end of the customer's response period. */
    async recordInstructionFlagged(input: InstructionInput & { responseDueAt?: string }): Promise<void> {
      await records.recordFlagged(input);
    },

    /** 3.2: the customer is told at once, in its language, that the instruction appears unlawful, why, and by when to answer. */
    async notifyCustomerOfFlaggedInstruction(
      input: InstructionEmailContext & { responseDueAt: string; instruction: string; reason: string },
    ): Promise<CustomerEmailResult> {
      const { instruction, reason, responseDueAt } = input;
      const result = await emailCustomer(deps, instructionEmailSteps.notice, input.customerId, (customer, language) =>
        instructionEmails.renderInstructionNotice({ ...caseFacts(input, customer), responseDueAt, instruction, reason }, language),
      );
      if (result.status === 'sent') {
        await records.recordNotice(input.instructionId, { status: 'notified', notifiedAt: result.firstAcceptedAt });
      } else if (result.status === 'undeliverable') {
        await records.recordNotice(input.instructionId, { status: 'undeliverable', problem: result.problem });
      }
      return result;
    },

    async recordInstructionNoticeUndeliverable(input: { instructionId: string; problem: string }): Promise<void> {
      await records.recordNotice(input.instructionId, { status: 'undeliverable', problem: input.problem });
    },

    async recordInstructionSuspended(input: { instructionId: string; suspension: InstructionSuspension }): Promise<void> {
      const { at, cause, reason } = input.suspension;
      await records.recordSuspension(input.instructionId, { suspendedAt: at, cause, ...(reason !== undefined && { reason }) });
    },

    /** 3.2 (i): the customer is told that the instruction is suspended, why, and what follows under (ii). */
    async tellCustomerOfSuspension(
      input: InstructionEmailContext & {
        suspendedAt: string;
        instruction: string;
        reason: string;
        cause: SuspensionCause;
        suspensionReason?: string;
      },
    ): Promise<CustomerEmailResult> {
      const { instruction, reason, cause, suspensionReason, suspendedAt } = input;
      return emailCustomer(deps, instructionEmailSteps.suspension, input.customerId, (customer, language) =>
        instructionEmails.renderInstructionSuspension(
          {
            ...caseFacts(input, customer),
            suspendedAt,
            instruction,
            reason,
            cause,
            ...(suspensionReason !== undefined && { suspensionReason }),
          },
          language,
        ),
      );
    },

    async recordInstructionRevision(input: { instructionId: string; revision: InstructionRevision }): Promise<void> {
      const { sequence, text, via, note, receivedAt } = input.revision;
      await records.recordRevision(input.instructionId, { sequence, text, via, ...(note !== undefined && { note }), receivedAt });
    },

    async recordInstructionRevisionJudgement(input: {
      instructionId: string;
      sequence: number;
      judgement: RevisionJudgement;
    }): Promise<void> {
      const { accepted, reason, judgedAt } = input.judgement;
      await records.recordRevisionJudgement(input.instructionId, input.sequence, {
        accepted,
        ...(reason !== undefined && { reason }),
        judgedAt,
      });
    },

    /** 3.2: a revision that still infringes the law is answered with the reason. */
    async tellCustomerOfRejectedRevision(
      input: InstructionEmailContext & {
        sequence: number;
        revision: string;
        receivedAt: string;
        rejectionReason: string;
        answerStillDueBy?: string;
      },
    ): Promise<CustomerEmailResult> {
      const { revision, receivedAt, rejectionReason, answerStillDueBy } = input;
      return emailCustomer(deps, instructionEmailSteps.revisionRejected(input.sequence), input.customerId, (customer, language) =>
        instructionEmails.renderInstructionRevisionRejected(
          {
            ...caseFacts(input, customer),
            revision,
            receivedAt,
            rejectionReason,
            ...(answerStillDueBy !== undefined && { answerStillDueBy }),
          },
          language,
        ),
      );
    },

    async recordInstructionDecision(input: { instructionId: string; decision: InstructionDecision }): Promise<void> {
      const { sequence, decision, note, decidedAt } = input.decision;
      await records.recordDecision(input.instructionId, { sequence, decision, ...(note !== undefined && { note }), decidedAt });
    },

    /** 3.2 (ii): the customer is told whether processing continues under earlier instructions or stops. */
    async tellCustomerOfProcessingDecision(
      input: InstructionEmailContext & { decision: InstructionDecision },
    ): Promise<CustomerEmailResult> {
      const { sequence, decision, note, decidedAt } = input.decision;
      return emailCustomer(deps, instructionEmailSteps.decision(sequence), input.customerId, (customer, language) =>
        instructionEmails.renderInstructionDecision(
          { ...caseFacts(input, customer), decision, ...(note !== undefined && { note }), decidedAt },
          language,
        ),
      );
    },

    async remindCustomerOfSuspendedInstruction(
      input: InstructionEmailContext & { instruction: string; reason: string; reminderNumber: number; decision?: ProcessingDecision },
    ): Promise<CustomerEmailResult> {
      const { instruction, reason, reminderNumber, decision } = input;
      return emailCustomer(deps, instructionEmailSteps.reminder(reminderNumber), input.customerId, (customer, language) =>
        instructionEmails.renderInstructionReminder(
          { ...caseFacts(input, customer), instruction, reason, reminderNumber, ...(decision !== undefined && { decision }) },
          language,
        ),
      );
    },

    async recordInstructionResumed(input: { instructionId: string; resolution: InstructionResolution }): Promise<void> {
      const { kind, text, note, via, at } = input.resolution;
      await records.recordResumption(input.instructionId, {
        resolution: kind,
        text,
        ...(note !== undefined && { note }),
        via,
        resumedAt: at,
      });
    },

    /** The customer gets a confirmation that the instruction is carried out again. */
    async confirmInstructionResumed(input: InstructionEmailContext & { resolution: InstructionResolution }): Promise<CustomerEmailResult> {
      const { kind, text, at } = input.resolution;
      return emailCustomer(deps, instructionEmailSteps.resumed, input.customerId, (customer, language) =>
        instructionEmails.renderInstructionResumed({ ...caseFacts(input, customer), resolution: kind, text, resumedAt: at }, language),
      );
    },

    /** 3.4: the privacy team's address took the alert of a customer's notice that it cannot comply. */
    async recordCannotComplyAlerted(input: { noticeId: string; alertedAt: string }): Promise<void> {
      await records.recordCannotComplyAlerted(input.noticeId, input.alertedAt);
    },

    /** 3.4: the privacy team is told, in English and with ids only, that a customer cannot meet its obligations. */
    async alertPrivacyTeamOfCannotComply(input: { step: string; alert: instructionEmails.CannotComplyAlertFacts }): Promise<AlertOutcome> {
      return sendPrivacyTeamAlert(deps, input.step, instructionEmails.renderCannotComplyAlert(input.alert));
    },

    /** Internal alerts to the privacy team (PRIVACY_TEAM_EMAIL), in English. */
    async alertPrivacyTeamOfInstruction(input: { step: string; alert: instructionEmails.InstructionAlertFacts }): Promise<AlertOutcome> {
      return sendPrivacyTeamAlert(deps, input.step, instructionEmails.renderInstructionAlert(input.alert));
    },
  };
}
