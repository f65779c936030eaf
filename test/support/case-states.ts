import { authoritySettings, type AuthorityState } from '../../domain/authority';
import { instructionSettings, openedInstruction, type InstructionState } from '../../domain/instruction';

/**
 * The states the domain's rules are tested on, each a plain case with what a test changes given as
 * overrides, so that a test says only what matters to its rule.
 */

/** An information request whose two customers, `a` and `b`, were told on Thursday 25 March 2027; views due Friday 2 April. */
export function authorityCase(overrides: Partial<AuthorityState> = {}): AuthorityState {
  return {
    requestId: 'R-7',
    authority: 'Federal Judicial Police Brussels',
    requestKind: 'information',
    receivedAt: '2027-03-25T08:00:00.000Z',
    status: 'awaiting-answer',
    settings: authoritySettings(),
    noticeDueAt: '2027-03-30T07:00:00.000Z',
    viewsDueAt: '2027-04-02T07:00:00.000Z',
    viewsDeadlinePassed: false,
    viewRemindersSent: 0,
    customers: {
      a: { customerId: 'a', notice: { status: 'notified', notifiedAt: '2027-03-25T08:00:01.000Z', via: 'email' } },
      b: { customerId: 'b', notice: { status: 'notified', notifiedAt: '2027-03-25T08:00:01.000Z', via: 'email' } },
    },
    ignoredResponses: 0,
    undeliveredAlerts: [],
    closed: false,
    ...overrides,
  };
}

/** Instruction `I-1`, flagged on Tuesday 20 October 2026 and its customer told; the response is due a week later. */
export function instructionCase(overrides: Partial<InstructionState> = {}): InstructionState {
  const opened = openedInstruction(
    { instructionId: 'I-1', customerId: 'c', instruction: 'i', reason: 'r', flaggedAt: '2026-10-20T08:00:00.000Z' },
    instructionSettings(),
    '2026-10-27T09:00:00.000Z',
  );
  return {
    ...opened,
    status: 'flagged',
    notice: { status: 'notified', notifiedAt: '2026-10-20T08:00:01.000Z', recipients: 1 },
    ...overrides,
  };
}
