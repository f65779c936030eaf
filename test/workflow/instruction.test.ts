import type { WorkflowHandle } from '@temporalio/client';
import { workflowIds } from '../../domain/ids';
import {
  cannotComplyStatusQuery,
  instructionConfirmedSignal,
  instructionRefusedSignal,
  instructionRevisedSignal,
  instructionStatusQuery,
  instructionSettings,
  judgeRevisionUpdate,
  openedInstruction,
  recordGuaranteeUpdate,
  recordRevisionUpdate,
  recordProcessingDecisionUpdate,
  responseDueAt,
  suspendInstructionUpdate,
  type InstructionInput,
  type InstructionState,
} from '../../domain/instruction';
import { searchAttributes } from '../../domain/search-attributes';
import { customerCannotComply, unlawfulInstruction } from '../../workflows';
import { alertRetry } from '../../workflows/privacy-team-alerts';
import { settle } from '../support/mail';
import { historyText, testPrivacyTeam as privacyTeam } from '../support/temporal';
import { useWorkflowHarness } from '../support/workflow-harness';

const h = useWorkflowHarness({
  customers: [
    { customerId: 'ins-nl', name: 'Klant NL', language: 'nl', emails: ['dpo@ins-nl.test'], timeZone: 'Europe/Brussels' },
    { customerId: 'ins-en', name: 'Customer EN', language: 'en', emails: ['dpo@ins-en.test'], timeZone: 'Europe/London' },
  ],
});

async function nextDeadline(handle: WorkflowHandle): Promise<unknown> {
  return (await handle.describe()).searchAttributes.DpaNextDeadline;
}

function flagged(instructionId: string, customerId: string, flaggedAt: string, settings?: InstructionInput['settings']): InstructionInput {
  return {
    instructionId,
    customerId,
    instruction: 'Keep the full browsing history of every end user for ten years, for marketing.',
    reason: 'Storage for ten years without a purpose that needs it breaches storage limitation, GDPR Art. 5(1)(e).',
    flaggedAt,
    ...(settings && { settings }),
  };
}

const teamStep = (step: string) => `${step} -> ${privacyTeam}`;

/**
 * Waits until a workflow left running has no activity in flight: one still running when its worker stops
 * keeps the test server from skipping time for the next test until the activity times out.
 */
async function idle(handle: WorkflowHandle): Promise<void> {
  await h.waitFor(async () => (await handle.describe()).raw.pendingActivities?.length === 0, { what: 'no activity in flight' });
  await settle();
}

test('3.2: the customer has five Belgian working days to answer; the instruction is flagged meanwhile, and silence past them suspends it', async () => {
  // Monday 3 May 2027, 10:00 CEST. Ascension Day (Thursday 6 May) is a Belgian public holiday, so five
  // working days run to Tuesday 11 May, 10:00 CEST.
  await h.skipTo('2027-05-03T08:00:00.000Z');
  const workflowId = h.endsWithWorker(workflowIds.instruction('INS-SILENT'));
  await h.withWorker('instruction-silent', async () => {
    const handle = await h.plainClient.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-silent',
      args: [flagged('INS-SILENT', 'ins-nl', '2027-05-03T08:00:00.000Z')],
    });
    const first = await h.waitForMailOf(workflowId, 2);
    const notice = first.find((mail) => mail.envelope.to[0] === 'dpo@ins-nl.test')!;
    expect(notice.headers['x-dpa-step']).toBe('flag-notice');
    expect(notice.subject).toBe('[Verwerkingsinstructie] Instructie INS-SILENT mogelijk in strijd met de wet: uw antwoord is nodig');
    expect(notice.text).toContain('Antwoord uiterlijk op');
    expect(notice.text).toContain('Wij vragen u uiterlijk op dinsdag 11 mei 2027 om 10:00 CEST');
    expect(notice.text).not.toContain('Opgeschort sinds');
    expect(first.find((mail) => mail.envelope.to[0] === privacyTeam)!.subject).toContain('Customer instruction flagged as unlawful');

    await h.waitFor(async () => (await handle.query(instructionStatusQuery)).status === 'flagged', { what: 'the flagged status' });
    expect(await handle.query(instructionStatusQuery)).toMatchObject({ responseDueAt: '2027-05-11T08:00:00.000Z' });
    expect((await handle.query(instructionStatusQuery)).suspension).toBeUndefined();
    await h.waitFor(async () => (await handle.describe()).searchAttributes.DpaStatus?.[0] === 'flagged', { what: 'DpaStatus flagged' });
    expect(await nextDeadline(handle)).toEqual([new Date('2027-05-11T08:00:00.000Z')]);
    expect(await h.records.instructions.get('INS-SILENT')).toMatchObject({
      status: 'flagged',
      responseDueAt: '2027-05-11T08:00:00.000Z',
      suspendedAt: null,
    });
    // 3.2 (ii) is the processor's choice once the instruction is suspended, not before.
    expect(await h.refusal(handle.executeUpdate(recordProcessingDecisionUpdate, { args: [{ decision: 'stop-processing' }] }))).toMatch(
      /INS-SILENT is not suspended: the customer may revise or guarantee it until 2027-05-11T08:00:00.000Z/,
    );

    // A minute before the end of the period: still flagged, nothing sent.
    await h.skipTo('2027-05-11T07:59:00.000Z');
    await settle();
    expect(await h.mailOf(workflowId)).toHaveLength(2);
    expect((await handle.query(instructionStatusQuery)).status).toBe('flagged');

    // The period is over: suspended for want of an answer, and both the customer and the team are told.
    await h.skipTo('2027-05-11T08:00:30.000Z');
    const mails = await h.waitForMailOf(workflowId, 4);
    const suspension = mails.find((mail) => mail.headers['x-dpa-step'] === 'suspension-notice')!;
    expect(suspension.envelope.to).toEqual(['dpo@ins-nl.test']);
    expect(suspension.subject).toBe('[Verwerkingsinstructie] Instructie INS-SILENT opgeschort');
    expect(suspension.text).toContain('gevraagd ze uiterlijk op dinsdag 11 mei 2027 om 10:00 CEST');
    expect(suspension.text).toContain('Opgeschort sinds');
    const team = mails.find((mail) => mail.headers['x-dpa-step'] === 'instruction-suspended')!;
    expect(team.envelope.to).toEqual([privacyTeam]);
    expect(team.text).toContain('recordProcessingDecision');
    const state = await handle.query(instructionStatusQuery);
    expect(state).toMatchObject({
      status: 'suspended',
      suspension: { at: '2027-05-11T08:00:00.000Z', cause: 'no-answer', customerTold: 'notified' },
      // The reminders count from the suspension.
      nextCustomerReminderAt: '2027-05-18T08:00:00.000Z',
    });
    await h.waitFor(
      async () =>
        (await h.records.instructions.get('INS-SILENT'))?.status === 'suspended' && (await h.records.instructions.get('INS-SILENT')),
      { what: 'the suspension recorded' },
    );
    expect(await h.records.instructions.get('INS-SILENT')).toMatchObject({
      suspendedAt: '2027-05-11T08:00:00.000Z',
      suspensionCause: 'no-answer',
      suspensionReason: null,
    });
    expect(
      await handle.executeUpdate(recordProcessingDecisionUpdate, { args: [{ decision: 'continue-under-earlier-instructions' }] }),
    ).toMatchObject({
      sequence: 1,
    });
    expect((await h.waitForMailOf(workflowId, 5))[4]!.headers['x-dpa-step']).toBe('decision-1');
    await idle(handle);
  });
});

test('3.2: a guarantee within the response period ends the case with the instruction carried out, never suspended', async () => {
  const workflowId = h.endsWithWorker(workflowIds.instruction('INS-IN-TIME'));
  await h.withWorker('instruction-in-time', async () => {
    const handle = await h.plainClient.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-in-time',
      args: [flagged('INS-IN-TIME', 'ins-en', await h.serverNow())],
    });
    await h.waitForMailOf(workflowId, 2);
    await h.env.sleep('2 days');
    await handle.signal(instructionConfirmedSignal, {
      guarantee: 'Retention for ten years is required by the sector regulator, circular 2027/4.',
      confirmedAt: await h.serverNow(),
      webhookId: 'msg-in-time',
    });
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'carried-out', closed: true, resolution: { kind: 'confirmed', via: 'webhook' } });
    expect(result.suspension).toBeUndefined();
    expect((await handle.describe()).typedSearchAttributes.get(searchAttributes.status)).toBe('carried-out');
  });
  const mails = await h.waitForMailOf(workflowId, 4);
  const confirmation = mails.find((mail) => mail.headers['x-dpa-step'] === 'resumption-confirmation')!;
  expect(confirmation.subject).toBe('[Processing instruction] Instruction INS-IN-TIME is carried out on the strength of your guarantee');
  expect(confirmation.text).toContain('without suspending it');
  expect(confirmation.text).not.toContain('Suspended since');
  // Past the end of the period: no suspension, no reminder.
  await h.env.sleep('14 days');
  await settle();
  expect((await h.stepsOf(workflowId)).sort()).toEqual(
    [
      'flag-notice -> dpo@ins-en.test',
      'resumption-confirmation -> dpo@ins-en.test',
      teamStep('instruction-flagged'),
      teamStep('resumed-under-guarantee'),
    ].sort(),
  );
  expect(await h.records.instructions.get('INS-IN-TIME')).toMatchObject({
    status: 'carried-out',
    resolution: 'confirmed',
    suspendedAt: null,
  });
});

test('3.2: the customer refusing to change the instruction suspends it at once, with the reason it gave', async () => {
  const workflowId = h.endsWithWorker(workflowIds.instruction('INS-REFUSED'));
  await h.withWorker('instruction-refused', async () => {
    const handle = await h.plainClient.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-refused',
      args: [flagged('INS-REFUSED', 'ins-en', await h.serverNow())],
    });
    await h.waitForMailOf(workflowId, 2);
    const refusal = {
      reason: 'Our marketing department needs the full history.',
      refusedAt: await h.serverNow(),
      webhookId: 'msg-refused-1',
    };
    await handle.signal(instructionRefusedSignal, refusal);
    await handle.signal(instructionRefusedSignal, refusal);
    const mails = await h.waitForMailOf(workflowId, 4);
    const suspension = mails.find((mail) => mail.headers['x-dpa-step'] === 'suspension-notice')!;
    expect(suspension.subject).toBe('[Processing instruction] Instruction INS-REFUSED suspended');
    expect(suspension.text).toContain('You have told us that you will not change it.');
    expect(suspension.text).toContain('The reason you gave');
    expect(suspension.text).toContain('Our marketing department needs the full history.');
    expect(mails.find((mail) => mail.headers['x-dpa-step'] === 'instruction-suspended')!.envelope.to).toEqual([privacyTeam]);
    const state = await handle.query(instructionStatusQuery);
    expect(state).toMatchObject({
      status: 'suspended',
      suspension: { cause: 'refused', reason: 'Our marketing department needs the full history.' },
    });
    // A second refusal changes nothing; the decision under (ii) may now be recorded.
    await handle.signal(instructionRefusedSignal, { refusedAt: await h.serverNow(), webhookId: 'msg-refused-2' });
    await handle.executeUpdate(recordProcessingDecisionUpdate, { args: [{ decision: 'stop-processing' }] });
    await h.waitForMailOf(workflowId, 5);
    await settle();
    expect((await handle.query(instructionStatusQuery)).suspension!.at).toBe(state.suspension!.at);
    expect((await h.stepsOf(workflowId)).filter((step) => !step.endsWith(privacyTeam))).toEqual([
      'flag-notice -> dpo@ins-en.test',
      'suspension-notice -> dpo@ins-en.test',
      'decision-1 -> dpo@ins-en.test',
    ]);
    expect(await h.records.instructions.get('INS-REFUSED')).toMatchObject({
      status: 'suspended',
      suspensionCause: 'refused',
      suspensionReason: 'Our marketing department needs the full history.',
    });
    await idle(handle);
  });
});

test('reminders come at their own intervals across the end of summer time, the decision is told, a revision resumes the instruction, and nothing follows', async () => {
  // Tuesday 26 October 2027, 10:00 CEST; summer time ends on Sunday 31 October. The privacy team is
  // reminded every 3 days (a setting), the customer every 7, always at 10:00 on the Brussels clock.
  await h.skipTo('2027-10-26T08:00:00.000Z');
  const workflowId = h.endsWithWorker(workflowIds.instruction('INS-REMIND'));
  await h.withWorker('instruction-remind', async () => {
    const handle = await h.plainClient.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-remind',
      args: [flagged('INS-REMIND', 'ins-nl', '2027-10-26T08:00:00.000Z', { privacyTeamReminderDays: 3 })],
    });
    const first = await h.waitForMailOf(workflowId, 2);
    const notice = first.find((mail) => mail.envelope.to[0] === 'dpo@ins-nl.test')!;
    expect(notice.subject).toBe('[Verwerkingsinstructie] Instructie INS-REMIND mogelijk in strijd met de wet: uw antwoord is nodig');
    expect(notice.text).toContain('Keep the full browsing history');
    expect(notice.text).toContain('GDPR Art. 5(1)(e)');
    expect(notice.text).toContain('dinsdag 26 oktober 2027 om 10:00 CEST');
    // Five working days, All Saints' Day (Monday 1 November) not among them.
    expect(notice.text).toContain('woensdag 3 november 2027 om 10:00 CET');
    expect(first.find((mail) => mail.envelope.to[0] === privacyTeam)!.subject).toContain('Customer instruction flagged as unlawful');
    await h.waitFor(async () => (await h.records.instructions.get('INS-REMIND'))?.noticeStatus === 'notified', {
      what: 'the notice recorded',
    });
    expect(await h.records.instructions.get('INS-REMIND')).toMatchObject({ status: 'flagged' });

    // 3.2 (i): a plainly unlawful instruction is suspended at once by an operator, with a reason, once.
    expect(await h.refusal(handle.executeUpdate(suspendInstructionUpdate, { args: [{ reason: ' ' }] }))).toMatch(
      /reason must be a non-empty text/,
    );
    const suspension = await handle.executeUpdate(suspendInstructionUpdate, {
      args: [{ reason: 'Ten years of browsing history for marketing is plainly excessive.' }],
    });
    expect(suspension).toMatchObject({ cause: 'operator', reason: 'Ten years of browsing history for marketing is plainly excessive.' });
    expect(await h.refusal(handle.executeUpdate(suspendInstructionUpdate, { args: [{ reason: 'again' }] }))).toMatch(
      /INS-REMIND is already suspended since/,
    );
    const [suspended] = (await h.waitForMailOf(workflowId, 3)).slice(2);
    expect(suspended!.headers['x-dpa-step']).toBe('suspension-notice');
    expect(suspended!.subject).toBe('[Verwerkingsinstructie] Instructie INS-REMIND opgeschort');
    expect(suspended!.text).toContain('Waarom wij ze meteen opschorten');
    expect(suspended!.text).toContain('Ten years of browsing history for marketing is plainly excessive.');

    // 3.2 (ii): the decision, told to the customer; the same decision twice is refused.
    const decision = await handle.executeUpdate(recordProcessingDecisionUpdate, {
      args: [{ decision: 'stop-processing', note: 'The retention job is paused for this customer.' }],
    });
    expect(decision).toMatchObject({ sequence: 1, decision: 'stop-processing' });
    const [told] = (await h.waitForMailOf(workflowId, 4)).slice(3);
    expect(told!.headers['x-dpa-step']).toBe('decision-1');
    expect(told!.text).toContain('Wij zetten de verwerking stop');
    expect(await h.refusal(handle.executeUpdate(recordProcessingDecisionUpdate, { args: [{ decision: 'stop-processing' }] }))).toMatch(
      /already stop-processing/,
    );
    expect(await handle.query(instructionStatusQuery)).toMatchObject({
      status: 'stopped',
      nextPrivacyTeamReminderAt: '2027-10-29T08:00:00.000Z',
      nextCustomerReminderAt: '2027-11-02T09:00:00.000Z',
    });
    expect(await nextDeadline(handle)).toEqual([new Date('2027-10-29T08:00:00.000Z')]);

    // Friday 29 October 10:00 CEST: the privacy team, not the customer.
    await h.skipTo('2027-10-29T07:59:00.000Z');
    await settle();
    expect(await h.mailOf(workflowId)).toHaveLength(4);
    await h.skipTo('2027-10-29T08:00:30.000Z');
    const [teamFirst] = (await h.waitForMailOf(workflowId, 5)).slice(4);
    expect(teamFirst!.headers['x-dpa-step']).toBe('team-reminder-1');
    expect(teamFirst!.envelope.to).toEqual([privacyTeam]);

    // Monday 1 November 10:00 CET (09:00 UTC), then the customer on Tuesday 2 November 10:00 CET.
    await h.skipTo('2027-11-01T09:00:30.000Z');
    const [teamSecond] = (await h.waitForMailOf(workflowId, 6)).slice(5);
    expect(teamSecond!.headers['x-dpa-step']).toBe('team-reminder-2');
    await h.skipTo('2027-11-02T08:59:00.000Z');
    await settle();
    expect(await h.mailOf(workflowId)).toHaveLength(6);
    await h.skipTo('2027-11-02T09:00:30.000Z');
    const [customerFirst] = (await h.waitForMailOf(workflowId, 7)).slice(6);
    expect(customerFirst!.envelope.to).toEqual(['dpo@ins-nl.test']);
    expect(customerFirst!.subject).toContain('Herinnering 1: instructie INS-REMIND blijft opgeschort');
    expect(customerFirst!.text).toContain('stopgezet');
    expect(await handle.query(instructionStatusQuery)).toMatchObject({ customerRemindersSent: 1, privacyTeamRemindersSent: 2 });

    // The customer revises its instruction; once an operator accepts it, a confirmation, and the case ends.
    const revisedAt = await h.serverNow();
    const revision = { revision: 'Keep browsing history for 13 months, for fraud detection only.', revisedAt, webhookId: 'msg-revised-1' };
    await handle.signal(instructionRevisedSignal, revision);
    await handle.signal(instructionRevisedSignal, revision);
    const [toJudge] = (await h.waitForMailOf(workflowId, 8)).slice(7);
    expect(toJudge!.headers['x-dpa-step']).toBe('revision-1');
    await handle.executeUpdate(judgeRevisionUpdate, { args: [{ accepted: true }] });
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'resumed', closed: true, resolution: { kind: 'revised', via: 'webhook' } });
    expect(result.nextCustomerReminderAt).toBeUndefined();
    expect((await handle.describe()).typedSearchAttributes.get(searchAttributes.nextDeadline)).toBeUndefined();
  });
  const [confirmation] = (await h.waitForMailOf(workflowId, 9)).slice(8);
  expect(confirmation!.subject).toBe('[Verwerkingsinstructie] Uw herziene instructie INS-REMIND wordt uitgevoerd');
  expect(confirmation!.text).toContain('Keep browsing history for 13 months');

  // A month later: no reminder of a closed case, to anyone.
  await h.env.sleep('30 days');
  await settle();
  expect(await h.stepsOf(workflowId)).toEqual([
    expect.stringMatching(/^(flag-notice -> dpo@ins-nl.test|instruction-flagged -> privacy-team@processor.test)$/),
    expect.stringMatching(/^(flag-notice -> dpo@ins-nl.test|instruction-flagged -> privacy-team@processor.test)$/),
    'suspension-notice -> dpo@ins-nl.test',
    'decision-1 -> dpo@ins-nl.test',
    `team-reminder-1 -> ${privacyTeam}`,
    `team-reminder-2 -> ${privacyTeam}`,
    'reminder-1 -> dpo@ins-nl.test',
    `revision-1 -> ${privacyTeam}`,
    'resumption-confirmation -> dpo@ins-nl.test',
  ]);
  const record = await h.records.instructions.get('INS-REMIND');
  expect(record).toMatchObject({
    status: 'resumed',
    resolution: 'revised',
    resolutionText: 'Keep browsing history for 13 months, for fraud detection only.',
    resolvedVia: 'webhook',
  });
  expect(record!.decisions).toEqual([
    { sequence: 1, decision: 'stop-processing', note: 'The retention job is paused for this customer.', decidedAt: expect.any(String) },
  ]);
});

test('3.2: a revision resumes processing only once an operator accepts it; a rejected one is answered with the reason, and the suspension stays', async () => {
  const workflowId = h.endsWithWorker(workflowIds.instruction('INS-JUDGED'));
  await h.withWorker('instruction-judged', async () => {
    const handle = await h.plainClient.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-judged',
      args: [flagged('INS-JUDGED', 'ins-nl', await h.serverNow())],
    });
    await h.waitForMailOf(workflowId, 2);
    expect(await h.refusal(handle.executeUpdate(judgeRevisionUpdate, { args: [{ accepted: true }] }))).toBe(
      'no revision of instruction INS-JUDGED awaits judgement',
    );
    await handle.executeUpdate(suspendInstructionUpdate, { args: [{ reason: 'Plainly excessive.' }] });
    await handle.executeUpdate(recordProcessingDecisionUpdate, { args: [{ decision: 'stop-processing' }] });
    await h.waitForMailOf(workflowId, 4);

    // A revision that still infringes the law: not carried out; the team is asked to judge it.
    await handle.signal(instructionRevisedSignal, {
      revision: 'Keep the browsing history for eight years.',
      revisedAt: await h.serverNow(),
      webhookId: 'msg-judged-1',
    });
    const [toJudge] = (await h.waitForMailOf(workflowId, 5)).slice(4);
    expect(toJudge!.envelope.to).toEqual([privacyTeam]);
    expect(toJudge!.subject).toContain('Revised instruction to judge');
    expect(toJudge!.text).toContain('judgeRevision');
    expect(await handle.query(instructionStatusQuery)).toMatchObject({
      status: 'stopped',
      revisions: [{ sequence: 1, text: 'Keep the browsing history for eight years.', via: 'webhook' }],
    });
    expect((await handle.query(instructionStatusQuery)).resolution).toBeUndefined();
    const metadata = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
    expect(metadata.currentDetails).toContain('revision 1 received at');

    // A rejection needs a reason, which the customer is told; the suspension and the decision stay.
    expect(await h.refusal(handle.executeUpdate(judgeRevisionUpdate, { args: [{ accepted: false }] }))).toBe(
      'a rejected revision needs a reason: the customer is told it',
    );
    const rejected = await handle.executeUpdate(judgeRevisionUpdate, {
      args: [{ accepted: false, reason: 'Eight years is still far beyond what fraud detection needs.' }],
    });
    expect(rejected.judgement).toMatchObject({ accepted: false, reason: 'Eight years is still far beyond what fraud detection needs.' });
    const [answer] = (await h.waitForMailOf(workflowId, 6)).slice(5);
    expect(answer!.envelope.to).toEqual(['dpo@ins-nl.test']);
    expect(answer!.headers['x-dpa-step']).toBe('revision-1-rejected');
    expect(answer!.subject).toBe('[Verwerkingsinstructie] Uw herziene instructie INS-JUDGED kan niet worden uitgevoerd');
    expect(answer!.text).toContain('Keep the browsing history for eight years.');
    expect(answer!.text).toContain('Eight years is still far beyond what fraud detection needs.');
    expect(answer!.text).toContain('De uitvoering van de instructie is daarom opgeschort');
    expect((await handle.query(instructionStatusQuery)).status).toBe('stopped');
    expect(await h.refusal(handle.executeUpdate(judgeRevisionUpdate, { args: [{ accepted: true }] }))).toMatch(/no revision/);

    // A second revision, received by letter, is accepted: processing resumes under it.
    const second = await handle.executeUpdate(recordRevisionUpdate, {
      args: [{ revision: 'Keep the browsing history for 13 months.', note: 'Letter of 4 May.' }],
    });
    expect(second).toMatchObject({ sequence: 2, via: 'operator' });
    await h.waitForMailOf(workflowId, 7);
    await handle.executeUpdate(judgeRevisionUpdate, { args: [{ accepted: true, reason: 'Proportionate to fraud detection.' }] });
    expect(await handle.result()).toMatchObject({
      status: 'resumed',
      resolution: { kind: 'revised', text: 'Keep the browsing history for 13 months.', via: 'operator', note: 'Letter of 4 May.' },
    });
  });
  const [confirmation] = (await h.waitForMailOf(workflowId, 8)).slice(7);
  expect(confirmation!.subject).toBe('[Verwerkingsinstructie] Uw herziene instructie INS-JUDGED wordt uitgevoerd');
  expect(confirmation!.text).toContain('aanvaard');
  expect(await h.records.instructions.get('INS-JUDGED')).toMatchObject({
    status: 'resumed',
    resolution: 'revised',
    resolutionText: 'Keep the browsing history for 13 months.',
    revisions: [
      expect.objectContaining({
        sequence: 1,
        accepted: false,
        judgementReason: 'Eight years is still far beyond what fraud detection needs.',
      }),
      expect.objectContaining({ sequence: 2, accepted: true, via: 'operator', note: 'Letter of 4 May.' }),
    ],
  });
});

test('3.2: a revision received within the response period holds the suspension until it is judged; rejected after the period, the instruction is suspended', async () => {
  const workflowId = h.endsWithWorker(workflowIds.instruction('INS-LATE-JUDGED'));
  await h.withWorker('instruction-late-judged', async () => {
    const handle = await h.plainClient.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-late-judged',
      args: [flagged('INS-LATE-JUDGED', 'ins-en', await h.serverNow())],
    });
    await h.waitForMailOf(workflowId, 2);
    const due = (await handle.query(instructionStatusQuery)).responseDueAt!;

    // Within the period, a revision rejected: the customer may still answer until the period ends.
    await handle.signal(instructionRevisedSignal, { revision: 'Nine years.', revisedAt: await h.serverNow(), webhookId: 'msg-late-1' });
    await h.waitForMailOf(workflowId, 3);
    await handle.executeUpdate(judgeRevisionUpdate, { args: [{ accepted: false, reason: 'Nine years is not proportionate.' }] });
    const [early] = (await h.waitForMailOf(workflowId, 4)).slice(3);
    expect(early!.text).toContain('You can still send us a revised instruction, or guarantee the lawfulness of the instruction, until');
    expect((await handle.query(instructionStatusQuery)).status).toBe('flagged');

    // Another revision just before the end of the period, not judged when it ends: no suspension yet.
    await h.skipTo(new Date(Date.parse(due) - 3_600_000).toISOString());
    await handle.signal(instructionRevisedSignal, { revision: 'Five years.', revisedAt: await h.serverNow(), webhookId: 'msg-late-2' });
    await h.waitForMailOf(workflowId, 5);
    await h.skipTo(new Date(Date.parse(due) + 3_600_000).toISOString());
    await settle();
    expect(await h.mailOf(workflowId)).toHaveLength(5);
    expect(await handle.query(instructionStatusQuery)).toMatchObject({ status: 'flagged' });
    expect((await handle.query(instructionStatusQuery)).suspension).toBeUndefined();

    // Rejected after the period: the rejection is answered, then the instruction is suspended for want of a lawful answer.
    await handle.executeUpdate(judgeRevisionUpdate, { args: [{ accepted: false, reason: 'Five years is not proportionate either.' }] });
    const mails = await h.waitForMailOf(workflowId, 8);
    expect(mails.slice(5).map((mail) => mail.headers['x-dpa-step'])).toEqual(
      expect.arrayContaining(['revision-2-rejected', 'suspension-notice', 'instruction-suspended']),
    );
    const customerSteps = (await h.stepsOf(workflowId)).filter((step) => !step.endsWith(privacyTeam));
    expect(customerSteps).toEqual([
      'flag-notice -> dpo@ins-en.test',
      'revision-1-rejected -> dpo@ins-en.test',
      'revision-2-rejected -> dpo@ins-en.test',
      'suspension-notice -> dpo@ins-en.test',
    ]);
    const late = mails.find((mail) => mail.headers['x-dpa-step'] === 'revision-2-rejected')!;
    expect(late.text).toContain('The execution of the instruction is therefore suspended');
    const state = await handle.query(instructionStatusQuery);
    expect(state).toMatchObject({ status: 'suspended', suspension: { cause: 'no-answer' } });
    expect(Date.parse(state.suspension!.at)).toBeGreaterThan(Date.parse(due));
    await idle(handle);
  });
});

test('3.2 (ii): processing stopped is shown as `stopped` and stays open, for months, until a revision is accepted', async () => {
  const workflowId = h.endsWithWorker(workflowIds.instruction('INS-STOPPED'));
  await h.withWorker('instruction-stopped', async () => {
    const handle = await h.plainClient.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-stopped',
      args: [flagged('INS-STOPPED', 'ins-en', await h.serverNow(), { customerReminderDays: 30, privacyTeamReminderDays: 30 })],
    });
    await h.waitForMailOf(workflowId, 2);
    await handle.executeUpdate(suspendInstructionUpdate, { args: [{ reason: 'Plainly unlawful.' }] });
    await handle.executeUpdate(recordProcessingDecisionUpdate, { args: [{ decision: 'stop-processing' }] });
    await h.waitForMailOf(workflowId, 4);
    const shown = async () => {
      const described = await handle.describe();
      const metadata = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
      return { status: described.status.name, dpaStatus: described.searchAttributes.DpaStatus, details: metadata.currentDetails ?? '' };
    };
    await h.waitFor(async () => (await shown()).dpaStatus?.[0] === 'stopped', { what: 'DpaStatus stopped' });
    expect((await handle.query(instructionStatusQuery)).status).toBe('stopped');
    expect((await shown()).details).toMatch(/Processing stopped since .*: the case stays open until a revision is accepted/);

    // Three months on, reminded monthly: still open, still stopped.
    await h.env.sleep('91 days');
    await h.waitForMailOf(workflowId, 10);
    await idle(handle);
    expect(await shown()).toMatchObject({ status: 'RUNNING', dpaStatus: ['stopped'] });
    expect(await handle.query(instructionStatusQuery)).toMatchObject({ status: 'stopped', closed: false, customerRemindersSent: 3 });

    await handle.signal(instructionRevisedSignal, {
      revision: 'Thirteen months.',
      revisedAt: await h.serverNow(),
      webhookId: 'msg-stopped',
    });
    await h.waitForMailOf(workflowId, 11);
    expect(await shown()).toMatchObject({ status: 'RUNNING', dpaStatus: ['stopped'] });
    await handle.executeUpdate(judgeRevisionUpdate, { args: [{ accepted: true }] });
    expect(await handle.result()).toMatchObject({ status: 'resumed', closed: true });
  });
});

test('an operator records the customer’s guarantee: processing resumes under it, the customer is confirmed in English, the privacy team is told', async () => {
  const workflowId = h.endsWithWorker(workflowIds.instruction('INS-GUARANTEE'));
  await h.withWorker('instruction-guarantee', async () => {
    const flaggedAt = await h.serverNow();
    const handle = await h.plainClient.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-guarantee',
      args: [flagged('INS-GUARANTEE', 'ins-en', flaggedAt)],
    });
    await h.waitForMailOf(workflowId, 2);
    await handle.signal(instructionRefusedSignal, { refusedAt: await h.serverNow(), webhookId: 'msg-guarantee-refused' });
    await h.waitForMailOf(workflowId, 4);
    await handle.executeUpdate(recordProcessingDecisionUpdate, { args: [{ decision: 'continue-under-earlier-instructions' }] });
    const [told] = (await h.waitForMailOf(workflowId, 5)).slice(4);
    expect(told!.subject).toBe('[Processing instruction] Our decision on processing while instruction INS-GUARANTEE is suspended');
    expect(told!.text).toContain('We continue processing under your earlier instructions');
    expect((await handle.query(instructionStatusQuery)).status).toBe('continuing-under-earlier-instructions');

    expect(await h.refusal(handle.executeUpdate(recordGuaranteeUpdate, { args: [{ guarantee: '  ' }] }))).toMatch(
      /guarantee must be a non-empty text/,
    );
    const resolution = await handle.executeUpdate(recordGuaranteeUpdate, {
      args: [
        {
          guarantee: 'Signed letter of 3 December: retention is required by the sector regulator.',
          note: 'Letter scanned to the case file.',
        },
      ],
    });
    expect(resolution).toMatchObject({ kind: 'confirmed', via: 'operator' });
    expect(await handle.result()).toMatchObject({ status: 'resumed', closed: true, customerRemindersSent: 0 });
  });
  const mails = await h.waitForMailOf(workflowId, 7);
  const confirmation = mails.find((mail) => mail.headers['x-dpa-step'] === 'resumption-confirmation')!;
  expect(confirmation.envelope.to).toEqual(['dpo@ins-en.test']);
  expect(confirmation.subject).toBe(
    '[Processing instruction] Instruction INS-GUARANTEE is carried out again on the strength of your guarantee',
  );
  const team = mails.find((mail) => mail.headers['x-dpa-step'] === 'resumed-under-guarantee')!;
  expect(team.envelope.to).toEqual([privacyTeam]);
  expect(team.text).toContain('continue under earlier instructions');
  expect(await h.records.instructions.get('INS-GUARANTEE')).toMatchObject({
    status: 'resumed',
    resolution: 'confirmed',
    resolvedVia: 'operator',
    resolutionNote: 'Letter scanned to the case file.',
    decisions: [expect.objectContaining({ decision: 'continue-under-earlier-instructions' })],
  });
});

test('a customer the product never described: the privacy team is told after the grace period, and the case still resumes', async () => {
  const workflowId = h.endsWithWorker(workflowIds.instruction('INS-GHOST'));
  await h.withWorker('instruction-ghost', async () => {
    const flaggedAt = await h.serverNow();
    const handle = await h.plainClient.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-ghost',
      args: [flagged('INS-GHOST', 'ins-ghost', flaggedAt)],
    });
    await h.waitForMailOf(workflowId, 1);
    await h.env.sleep('6 minutes');
    const mails = await h.waitForMailOf(workflowId, 2);
    expect(mails.map((mail) => mail.headers['x-dpa-step']).sort()).toEqual(['instruction-flagged', 'notice-undeliverable']);
    expect(mails.every((mail) => mail.envelope.to[0] === privacyTeam)).toBe(true);
    expect((await handle.query(instructionStatusQuery)).notice).toMatchObject({ status: 'undeliverable' });
    expect(await h.records.instructions.get('INS-GHOST')).toMatchObject({ noticeStatus: 'undeliverable' });

    await handle.signal(instructionConfirmedSignal, {
      guarantee: 'We guarantee the lawfulness of the instruction.',
      confirmedAt: await h.serverNow(),
      webhookId: 'msg-confirmed-ghost',
    });
    expect(await handle.result()).toMatchObject({ status: 'carried-out', resolution: { kind: 'confirmed' } });
  });
  const steps = (await h.mailOf(workflowId)).map((mail) => mail.headers['x-dpa-step']).sort();
  expect(steps).toEqual(['instruction-flagged', 'notice-undeliverable', 'resumed-under-guarantee', 'resumption-undeliverable']);
});

test('the privacy team’s address refuses every alert: the customer is told, decisions and reminders go on, the case resumes, and the alerts are delivered once the address takes them', async () => {
  const workflowId = h.endsWithWorker(workflowIds.instruction('INS-TEAM-DOWN'));
  h.refused.add(privacyTeam);
  try {
    await h.withWorker('instruction-team-down', async () => {
      const flaggedAt = await h.serverNow();
      const handle = await h.plainClient.workflow.start(unlawfulInstruction, {
        workflowId,
        taskQueue: 'instruction-team-down',
        args: [flagged('INS-TEAM-DOWN', 'ins-en', flaggedAt, { privacyTeamReminderDays: 1 })],
      });
      // The customer is told; the alert is refused, shown, and the case is flagged, not failed.
      await h.waitForMailOf(workflowId, 1);
      await h.waitFor(async () => (await handle.query(instructionStatusQuery)).undeliveredAlerts?.length === 1, {
        what: 'the refusal shown',
      });
      const shown = await handle.query(instructionStatusQuery);
      expect(shown).toMatchObject({ status: 'flagged', notice: { status: 'notified' } });
      expect(shown.undeliveredAlerts).toEqual([
        {
          step: 'instruction-flagged',
          since: expect.any(String),
          attempts: 1,
          problem: expect.stringMatching(/refused/),
          nextAttemptAt: expect.any(String),
        },
      ]);
      expect((await handle.describe()).searchAttributes.DpaUndeliveredAlerts).toEqual([1]);
      const metadata = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
      expect(metadata.currentDetails).toContain('`instruction-flagged`');

      // The next messages still work: a suspension and a decision, told to the customer.
      await handle.executeUpdate(suspendInstructionUpdate, { args: [{ reason: 'Plainly unlawful.' }] });
      await handle.executeUpdate(recordProcessingDecisionUpdate, { args: [{ decision: 'stop-processing' }] });
      await h.waitForMailOf(workflowId, 3);
      // The next clock still works: the team's daily reminder is raised (and refused in turn).
      await h.env.sleep(24 * 3_600_000 + 60_000);
      await h.waitFor(async () => (await handle.query(instructionStatusQuery)).undeliveredAlerts.length === 2, {
        what: 'the reminder refused',
      });
      const reminded = await handle.query(instructionStatusQuery);
      expect(reminded.privacyTeamRemindersSent).toBe(1);
      expect(reminded.undeliveredAlerts.map((alert) => alert.step).sort()).toEqual(['instruction-flagged', 'team-reminder-1']);
      expect(reminded.undeliveredAlerts.find((alert) => alert.step === 'instruction-flagged')!.attempts).toBeGreaterThan(2);
      expect((await handle.describe()).searchAttributes.DpaUndeliveredAlerts).toEqual([2]);
      const rows = (await h.records.emails.listForWorkflow(workflowId)).filter((row) => row.step === 'instruction-flagged');
      expect(rows).toEqual([expect.objectContaining({ status: 'failed', recipient: privacyTeam })]);
      expect(rows[0]!.attempts).toBeGreaterThan(2);

      // The customer revises the instruction: it is confirmed, and the case is closed but for its alerts.
      await handle.signal(instructionRevisedSignal, {
        revision: 'Thirteen months.',
        revisedAt: await h.serverNow(),
        webhookId: 'msg-team-down',
      });
      await h.waitFor(async () => (await handle.query(instructionStatusQuery)).revisions.length === 1, { what: 'the revision received' });
      await handle.executeUpdate(judgeRevisionUpdate, { args: [{ accepted: true, reason: 'Thirteen months is proportionate.' }] });
      await h.waitFor(async () => (await handle.query(instructionStatusQuery)).closed, { what: 'the case closed' });
      expect((await h.stepsOf(workflowId)).filter((step) => !step.endsWith(privacyTeam))).toEqual([
        'flag-notice -> dpo@ins-en.test',
        'suspension-notice -> dpo@ins-en.test',
        'decision-1 -> dpo@ins-en.test',
        'resumption-confirmation -> dpo@ins-en.test',
      ]);
      expect((await handle.describe()).status.name).toBe('RUNNING');

      // The address takes mail again: within the longest retry interval both alerts go, and the workflow ends.
      h.refused.delete(privacyTeam);
      await h.env.sleep(alertRetry.maxMs + 60_000);
      await h.waitFor(async () => (await handle.describe()).status.name === 'COMPLETED', { what: 'the workflow completed' });
      expect(await handle.query(instructionStatusQuery)).toMatchObject({ status: 'resumed', closed: true, undeliveredAlerts: [] });
      expect((await handle.describe()).searchAttributes.DpaUndeliveredAlerts).toEqual([0]);
    });
  } finally {
    h.refused.delete(privacyTeam);
  }
  const team = (await h.records.emails.listForWorkflow(workflowId)).filter((row) => row.recipient === privacyTeam);
  expect(team.map((row) => [row.step, row.status]).sort()).toEqual([
    ['instruction-flagged', 'sent'],
    ['revision-1', 'sent'],
    ['team-reminder-1', 'sent'],
  ]);
});

test('a flag delivered two months late: the customer is told at once and gets its full response period from then; reminders count from the suspension', async () => {
  const workflowId = h.endsWithWorker(workflowIds.instruction('INS-STALE'));
  await h.withWorker('instruction-stale', async () => {
    const nowMs = await h.env.currentTimeMs();
    const flaggedAt = new Date(nowMs - 60 * 24 * 3_600_000).toISOString();
    const handle = await h.plainClient.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-stale',
      args: [flagged('INS-STALE', 'ins-en', flaggedAt)],
    });
    await h.waitForMailOf(workflowId, 2);
    await settle();
    // Not suspended on arrival, and no reminder (the old code sent reminder 8 to both at once).
    expect((await h.stepsOf(workflowId)).sort()).toEqual(['flag-notice -> dpo@ins-en.test', teamStep('instruction-flagged')]);
    const state = await handle.query(instructionStatusQuery);
    expect(state).toMatchObject({ status: 'flagged', customerRemindersSent: 0, privacyTeamRemindersSent: 0 });
    // Five working days from the minute the case learnt of the flag (the start may fall in the next minute).
    const from = new Date(Math.floor(nowMs / 60_000) * 60_000).toISOString();
    const due = state.responseDueAt!;
    expect([
      responseDueAt(from, state.settings),
      responseDueAt(new Date(Date.parse(from) + 60_000).toISOString(), state.settings),
    ]).toContain(due);

    await h.skipTo(new Date(Date.parse(due) + 30_000).toISOString());
    await h.waitForMailOf(workflowId, 4);
    const suspended = await handle.query(instructionStatusQuery);
    expect(suspended.suspension).toMatchObject({ at: due, cause: 'no-answer' });
    // Seven days from the suspension (an hour either way for a change of summer time).
    for (const at of [suspended.nextCustomerReminderAt!, suspended.nextPrivacyTeamReminderAt!]) {
      expect(Math.abs(Date.parse(at) - (Date.parse(due) + 7 * 24 * 3_600_000))).toBeLessThanOrEqual(3_600_000);
    }

    await h.skipTo(new Date(Date.parse(suspended.nextCustomerReminderAt!) + 30_000).toISOString());
    const mails = await h.waitForMailOf(workflowId, 6);
    expect(
      mails
        .slice(4)
        .map((mail) => mail.headers['x-dpa-step'])
        .sort(),
    ).toEqual(['reminder-1', 'team-reminder-1']);
    expect(mails.find((mail) => mail.headers['x-dpa-step'] === 'reminder-1')!.subject).toContain('Reminder 1');
    await settle();
    expect(await h.mailOf(workflowId)).toHaveLength(6);

    await handle.signal(instructionConfirmedSignal, { guarantee: 'Lawful.', confirmedAt: await h.serverNow(), webhookId: 'msg-stale' });
    expect(await handle.result()).toMatchObject({ status: 'resumed', customerRemindersSent: 1, privacyTeamRemindersSent: 1 });
  });
});

test('3.4: a customer that cannot meet its obligations: the privacy team is alerted with ids only, retried while its address refuses, and the case shows it', async () => {
  const workflowId = h.endsWithWorker(workflowIds.cannotComply('N-7'));
  const description = 'Our privacy notice does not mention the new purpose until 1 March; contact Jan Peeters.';
  await h.records.instructions.recordCannotComply({
    noticeId: 'N-7',
    customerId: 'ins-en',
    obligation: 'Informing data subjects (GDPR Art. 13)',
    description,
    receivedAt: await h.serverNow(),
  });
  h.refused.add(privacyTeam);
  try {
    await h.withWorker('cannot-comply', async () => {
      const handle = await h.plainClient.workflow.start(customerCannotComply, {
        workflowId,
        taskQueue: 'cannot-comply',
        args: [{ noticeId: 'N-7', customerId: 'ins-en', receivedAt: await h.serverNow() }],
      });
      // Refused: shown and retried, never the end of the case.
      await h.waitFor(async () => (await handle.query(cannotComplyStatusQuery)).undeliveredAlerts.length === 1, {
        what: 'the refusal shown',
      });
      expect(await handle.query(cannotComplyStatusQuery)).toMatchObject({ status: 'alerting', closed: false });
      expect((await handle.describe()).status.name).toBe('RUNNING');
      const metadata = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
      expect(metadata.currentDetails).toContain('`cannot-comply`');
      expect((await h.records.instructions.getCannotComply('N-7'))!.teamAlertedAt).toBeNull();

      h.refused.delete(privacyTeam);
      await h.env.sleep(alertRetry.firstMs + 60_000);
      const result = await handle.result();
      expect(result).toMatchObject({ status: 'team-alerted', closed: true, undeliveredAlerts: [] });
      expect((await handle.describe()).searchAttributes).toMatchObject({ DpaProcess: ['cannot-comply'], DpaStatus: ['team-alerted'] });
    });
  } finally {
    h.refused.delete(privacyTeam);
  }
  const [alert] = await h.waitForMailOf(workflowId, 1);
  expect(alert!.envelope.to).toEqual([privacyTeam]);
  expect(alert!.subject).toContain('Customer cannot meet its obligations');
  expect(alert!.text).toContain('N-7');
  expect(alert!.text).toContain('policy 3.4');
  // Ids only: the customer's words stay in the records.
  expect(alert!.text).not.toContain('Jan Peeters');
  expect(await historyText(h.env, workflowId)).not.toContain('Jan Peeters');
  expect(await h.records.instructions.getCannotComply('N-7')).toMatchObject({ description, teamAlertedAt: expect.any(String) });
});

test('a run continued as new goes on from the state it was handed: told once, still suspended, and the alert the last run could not deliver goes out', async () => {
  // Far ahead of the file's other tests, which move the server's clock into 2028.
  await h.skipTo('2030-09-06T08:00:00.000Z');
  const input = flagged('INS-CONTINUED', 'ins-en', '2030-08-02T08:00:00.000Z');
  const workflowId = h.endsWithWorker(workflowIds.instruction('INS-CONTINUED'));
  const state: InstructionState = {
    ...openedInstruction(input, instructionSettings(), '2030-08-09T08:00:00.000Z'),
    status: 'suspended',
    notice: { status: 'notified', notifiedAt: '2030-08-02T08:00:01.000Z', recipients: 1 },
    suspension: { at: '2030-08-09T08:00:00.000Z', cause: 'no-answer', customerTold: 'notified' },
    customerRemindersSent: 4,
    privacyTeamRemindersSent: 4,
  };
  const carriedAlert = {
    step: 'team-reminder-4',
    alert: { kind: 'open-reminder' as const, instructionId: 'INS-CONTINUED', customerId: 'ins-en', detail: 'Suspended for 28 day(s).' },
  };
  await h.withWorker('instruction-continued', async () => {
    const handle = await h.plainClient.workflow.start(unlawfulInstruction, {
      workflowId,
      taskQueue: 'instruction-continued',
      args: [{ ...input, continued: { state, handover: { alerts: [carriedAlert] } } }],
    });
    // The carried alert, and nothing else: the customer was told in an earlier run.
    const [alert] = await h.waitForMailOf(workflowId, 1);
    expect(alert!.envelope.to).toEqual([privacyTeam]);
    expect(alert!.headers['x-dpa-step']).toBe('team-reminder-4');
    expect(await handle.query(instructionStatusQuery)).toMatchObject({
      status: 'suspended',
      customerRemindersSent: 4,
      privacyTeamRemindersSent: 4,
      // The fifth reminder, five weeks after the suspension, at the time of day it began.
      nextCustomerReminderAt: '2030-09-13T08:00:00.000Z',
    });
    await settle();
    expect(await h.mailOf(workflowId)).toHaveLength(1);
    await idle(handle);
  });
});
