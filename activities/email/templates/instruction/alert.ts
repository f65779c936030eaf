import type { ProcessingDecision } from '../../../../domain/instruction';
import type { PrivacyTeamAlertCopy } from '../common/privacy-team-alert';
import type { CannotComplyAlertKind, InstructionAlertKind } from './facts';

/** The privacy team's alerts of the unlawful-instruction process (English; identifiers only). */
export const alert = {
  kinds: {
    'instruction-flagged': {
      title: 'Customer instruction flagged as unlawful',
      action:
        'The customer has been told that the instruction appears unlawful and has until the end of its response ' +
        'period to revise it or guarantee its lawfulness (policy 3.2); silence or a refusal then suspends it. If the ' +
        'instruction is plainly unlawful, suspend it at once with the update suspendInstruction and a reason: the ' +
        'customer is told.',
    },
    'instruction-suspended': {
      title: 'Customer instruction suspended',
      action:
        'The instruction is suspended (policy 3.2 (i)) and the customer is being told. Decide whether processing ' +
        'continues under the earlier instructions or stops (3.2 (ii)), and record it with the update ' +
        'recordProcessingDecision: the customer is told of the decision at once.',
    },
    'revision-to-judge': {
      title: 'Revised instruction to judge',
      action:
        'The customer sent a revised instruction. Judge whether it still infringes the GDPR or other law, and record it ' +
        'with the update judgeRevision {"accepted": true | false, "reason"}: accepted, the instruction is carried out ' +
        '(or resumed) under the revision; rejected, the customer is told the reason and the instruction stays flagged ' +
        'or suspended (policy 3.2). Until then, processing does not resume.',
    },
    'open-reminder': {
      title: 'Suspended instruction still open',
      action:
        'The customer has neither sent a revision we accepted nor guaranteed the lawfulness of the instruction. Record ' +
        'a processing decision if none is in force (recordProcessingDecision), judge a revision awaiting judgement ' +
        '(judgeRevision), follow up with the customer, and record a revision or guarantee received by another channel ' +
        'with recordRevision or recordGuarantee.',
    },
    'notice-undeliverable': {
      title: 'Unlawful-instruction email could not be delivered',
      action:
        'No contact of the customer accepted the email. Check the customer record and tell the customer by another ' +
        'channel what the email says (the detail names it): that the instruction appears unlawful and why, that it ' +
        'is suspended, or the decision taken (policy 3.2).',
    },
    'no-customer-record': {
      title: 'No customer record for an instruction flagged as unlawful',
      action:
        'The instruction names a customer for which there is no customer record (language, contacts), so it could not ' +
        'be told. Create the record (customer.upserted) or tell the customer by another channel (policy 3.2).',
    },
    'resumed-under-guarantee': {
      title: "Instruction carried out on the customer's guarantee",
      action:
        'The customer maintains the instruction and guarantees its lawfulness (policy 3.2–3.3), so it is carried out ' +
        'again. Keep the guarantee with the documented instructions; if the instruction remains manifestly unlawful, ' +
        'take legal advice before it is carried out further.',
    },
  },
  webUi: { shows: 'the case and its history' },
} satisfies PrivacyTeamAlertCopy<InstructionAlertKind>;

/** 3.4: the privacy team's alert of a customer's notice that it cannot meet its obligations. */
export const cannotComplyAlert = {
  kinds: {
    'customer-cannot-comply': {
      title: 'Customer cannot meet its obligations',
      action:
        'The customer has told us that it cannot meet its responsibilities under section 3 of the Data Processing ' +
        'Policy or the privacy law (policy 3.4). Read its notice in the records (cannot_comply_notices, by notice id), ' +
        "contact the customer's privacy contact, and decide whether processing for it must change: flag an " +
        'instruction that has become unlawful (instruction.flagged), or adapt the services.',
    },
  },
  webUi: { query: 'cannotComplyStatus', shows: 'the notice and when the alert was taken' },
} satisfies PrivacyTeamAlertCopy<CannotComplyAlertKind>;

export const decisionLabel: Readonly<Record<ProcessingDecision, string>> = {
  'continue-under-earlier-instructions': 'continue under earlier instructions',
  'stop-processing': 'processing stopped',
};
