import { defaultRetention, type RetentionCounts } from '../../domain/digests';
import { useWorkflowHarness } from '../support/workflow-harness';

/**
 * Our own retention on the time-skipping server's clock: the retention workflow, as `dpa-retention`
 * starts it daily, anonymises or deletes each kind of record when its time is up, by the workflow's own
 * clock, and nothing before; a second run changes nothing more.
 */
const harness = useWorkflowHarness();
const taskQueue = 'retention-test';
const day = 86_400_000;
let runs = 0;

const later = (from: string, days: number, extraMs = 0) => new Date(Date.parse(from) + days * day + extraMs).toISOString();

function runRetention(): Promise<RetentionCounts> {
  runs += 1;
  return harness.withWorker(taskQueue, () =>
    harness.plainClient.workflow.execute('retention', {
      args: [{ settings: defaultRetention }],
      workflowId: `dpa-retention-test-${runs}`,
      taskQueue,
    }),
  );
}

const nothing: RetentionCounts = {
  dsrRequestsAnonymised: 0,
  emailsDeleted: 0,
  breachesDeleted: 0,
  webhookDeliveriesDeleted: 0,
  auditorsAnonymised: 0,
};

test('each kind of record is anonymised or deleted when its retention ends on the workflow clock, never before, and once', async () => {
  const start = await harness.serverNow();
  const { records } = harness;
  // A closed data subject request, with the subject's address and notes; and one still open.
  for (const requestId of ['closed-1', 'open-1'])
    await records.dsr.recordReceipt({
      requestId,
      customerId: 'cust-r',
      requestType: 'erasure',
      receivedAt: start,
      reportedAt: start,
      subjectEmail: `subject-${requestId}@example.test`,
    });
  await records.dsr.recordInstruction('closed-1', {
    instruction: 'erase',
    note: 'Letter of the DPO, J. Peeters',
    source: 'webhook',
    instructedAt: start,
  });
  await records.dsr.close('closed-1', { outcome: 'carried-out', closedAt: start });
  // An email's evidence, and a remembered webhook answer.
  await records.emails.claim({
    idempotencyKey: 'retention-test/notice/dpo@cust-r.test',
    workflowId: 'retention-test',
    step: 'notice',
    recipient: 'dpo@cust-r.test',
    subject: 'Notice',
    language: 'en',
    messageId: '<retention-test@processor.test>',
  });
  await records.emails.markSent('retention-test/notice/dpo@cust-r.test', '250 OK', new Date(start));
  await records.webhookDeliveries.record(
    'msg_retention',
    { eventType: 'dsr.received', bodySha256: 'x', statusCode: 202, response: { workflowId: 'dsr-closed-1' } },
    new Date(start),
  );

  // Day 0 and a day before the subject's 30 days end: nothing is due.
  expect(await runRetention()).toEqual(nothing);
  await harness.skipTo(later(start, 29));
  expect(await runRetention()).toEqual(nothing);
  expect(await records.dsr.subjectEmail('closed-1')).toBe('subject-closed-1@example.test');

  // 30 days after the request closed: the subject's address and the notes go; the open request keeps its own.
  await harness.skipTo(later(start, 30, 60_000));
  expect(await runRetention()).toEqual({ ...nothing, dsrRequestsAnonymised: 1, webhookDeliveriesDeleted: 1 });
  expect(await records.dsr.subjectEmail('closed-1')).toBeUndefined();
  expect(await records.dsr.get('closed-1')).toMatchObject({
    requestId: 'closed-1',
    status: 'closed',
    outcome: 'carried-out',
    instructionNote: null,
  });
  expect(await records.dsr.subjectEmail('open-1')).toBe('subject-open-1@example.test');
  expect(await records.webhookDeliveries.find('msg_retention')).toBeUndefined();
  // Again the same day: nothing more.
  expect(await runRetention()).toEqual(nothing);
  expect(await records.emails.listForWorkflow('retention-test')).toHaveLength(1);

  // Five years: the email's evidence goes.
  await harness.skipTo(later(start, 5 * 365, 60_000));
  expect(await runRetention()).toEqual({ ...nothing, emailsDeleted: 1 });
  expect(await records.emails.listForWorkflow('retention-test')).toEqual([]);
}, 120_000);

test('the team digest sends nothing on a Belgian public holiday, though its schedule fires Monday to Friday', async () => {
  const now = new Date(await harness.serverNow());
  let christmas = Date.UTC(now.getUTCFullYear(), 11, 25, 7, 0);
  if (christmas <= now.getTime()) christmas = Date.UTC(now.getUTCFullYear() + 1, 11, 25, 7, 0);
  await harness.skipTo(new Date(christmas).toISOString());
  const input = { webUiUrl: 'http://ui.test', timeZone: 'Europe/Brussels', horizonDays: 7, stuckAfterMinutes: 60 };
  const result = await harness.withWorker(taskQueue, () =>
    harness.plainClient.workflow.execute('teamDigest', { args: [input], workflowId: 'dpa-team-digest-christmas', taskQueue }),
  );
  expect(result).toEqual({ skipped: 'not a working day' });
  expect(await harness.sentBy('dpa-team-digest')).toEqual([]);
});
