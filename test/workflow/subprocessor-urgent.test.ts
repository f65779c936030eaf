import type { WorkflowHandle, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { workflowIds } from '../../domain/ids';
import { type SubprocessorChangeInput, type SubprocessorChangeNotice } from '../../domain/subprocessor-change';
import { subprocessorChange } from '../../workflows';
import { alertRetry } from '../../workflows/privacy-team-alerts';
import { emailAddressesIn, testPrivacyTeam as privacyTeam } from '../support/temporal';
import { useWorkflowHarness } from '../support/workflow-harness';
import { decryptedHistory } from '../support/payload-keys';

/**
 * 5.2, Art. 28(2) GDPR: a change marked urgent takes effect before its customers' windows close. The
 * privacy team is alerted once per change (`urgent-change`), whatever the runs it continues into, and
 * every customer's notice says, in its language, that the change is urgent, why, and that it may still
 * object within its window.
 */
const DAY = 24 * 3_600_000;
const MINUTE = 60_000;
const reason = 'Our current hosting provider ends its service in 3 days.';

const h = useWorkflowHarness();

/** Every workflow a test started here, to be idle before its worker stops. */
const started: WorkflowHandle[] = [];

/** `h.withWorker`; before the worker stops, waits until the test's workflows have nothing outstanding. */
function withChanges(taskQueue: string, fn: () => Promise<void>): Promise<void> {
  return h.withWorker(taskQueue, async () => {
    try {
      await fn();
    } catch (failure) {
      for (const handle of started.splice(0)) await handle.terminate('the test failed').catch(() => undefined);
      throw failure;
    }
    await h.untilAtRest(started.splice(0));
  });
}

/** Records an urgent change for the customers, as the webhook does, and starts its workflow. */
async function announceUrgent(
  taskQueue: string,
  changeId: string,
  customerIds: string[],
  batching: SubprocessorChangeInput['batching'],
): Promise<WorkflowHandleWithFirstExecutionRunId<typeof subprocessorChange>> {
  const notice: SubprocessorChangeNotice = {
    changeId,
    action: 'added',
    subprocessor: { id: `sp-${changeId}`, name: 'Backup Hosting SA', country: 'BE', purpose: 'hosting' },
    transferBasis: 'eea',
    effectiveAt: new Date(Date.now() + 3 * DAY).toISOString(),
    announcedAt: new Date().toISOString(),
    urgent: { reason },
  };
  const recorded = await h.records.subprocessors.recordChange({ ...notice, customerIds });
  const handle = await h.env.client.workflow.start(subprocessorChange, {
    workflowId: h.endsWithWorker(workflowIds.subprocessorChange(changeId)),
    taskQueue,
    args: [{ change: notice, recipients: recorded.recipients, ...(batching && { batching }) }],
  });
  started.push(handle);
  return handle;
}

/**
 * Waits until the change has continued as new and every customer's window is open, read from the
 * server's description and the records: no query, so nothing waits on a worker while a run hands over.
 */
async function continuedAndOpen(
  handle: WorkflowHandleWithFirstExecutionRunId<typeof subprocessorChange>,
  changeId: string,
  customerIds: string[],
): Promise<void> {
  await h.waitFor(async () => (await handle.describe()).runId !== handle.firstExecutionRunId, {
    what: `${handle.workflowId} continued as new`,
  });
  for (const customerId of customerIds) {
    await h.waitFor(async () => (await h.records.objectionWindows.get(changeId, customerId))?.state === 'open', {
      what: `the window of ${customerId} open`,
    });
  }
}

/** The input the first run continued as new with: what it carried to the next run. */
async function carriedByFirstRun(
  handle: WorkflowHandleWithFirstExecutionRunId<typeof subprocessorChange>,
): Promise<SubprocessorChangeInput> {
  const history = await decryptedHistory(
    await h.env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).fetchHistory(),
  );
  const continued = history.events!.find((event) => event.workflowExecutionContinuedAsNewEventAttributes);
  return JSON.parse(Buffer.from(continued!.workflowExecutionContinuedAsNewEventAttributes!.input!.payloads![0]!.data!).toString('utf8'));
}

/** The privacy team's alerts a workflow sent, as their steps. */
async function alertStepsOf(workflowId: string): Promise<string[]> {
  return (await h.mailOf(workflowId)).filter((m) => m.envelope.to.includes(privacyTeam)).map((m) => m.headers['x-dpa-step']!);
}

describe('a change marked urgent (5.2)', () => {
  test('the team is alerted once, across a continue-as-new; each notice says in its language that the change is urgent, and why', async () => {
    await h.customer('urg-nl', { language: 'nl' });
    await h.customer('urg-fr', { language: 'fr' });
    const taskQueue = 'spu-once';
    await withChanges(taskQueue, async () => {
      // One customer a run: the second customer's notice goes out in the second run.
      const handle = await announceUrgent(taskQueue, 'CHG-URG', ['urg-nl', 'urg-fr'], { windowsPerBatch: 1, batchesPerRun: 1 });
      await continuedAndOpen(handle, 'CHG-URG', ['urg-nl', 'urg-fr']);

      const [alert, ...others] = await h.waitForMailOf(handle.workflowId, 1);
      expect(others).toEqual([]);
      expect(alert!.envelope.to).toEqual([privacyTeam]);
      expect(alert!.headers['x-dpa-step']).toBe('alert-urgent-change');
      expect(alert!.subject).toBe('[Privacy team] Subprocessor change takes effect before its objection windows close – change CHG-URG');
      for (const part of ['urgent-change', 'subprocessor-change-CHG-URG', reason, '2 customer(s)']) expect(alert!.text).toContain(part);
      // Identifiers only: no customer's address.
      expect(emailAddressesIn(alert!.text).filter((address) => address.includes('urg-'))).toEqual([]);
      // Delivered in the first run, it is not carried; the later run schedules no alert of its own.
      expect((await carriedByFirstRun(handle)).carried).toMatchObject({ runs: 1, alerts: [] });
      const latest = await h.env.client.workflow.getHandle(handle.workflowId).fetchHistory();
      const scheduled = latest.events!.flatMap((event) => event.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
      expect(scheduled).not.toContain('alertPrivacyTeamOfObjectionWindow');
      expect(scheduled).toContain('announceChangeToCustomers');

      const [nl] = await h.mailOf(workflowIds.objection('CHG-URG', 'urg-nl'));
      expect(nl!.subject).toMatch(/^\[Subverwerkers\] Dringend: /);
      for (const part of ['Deze wijziging is dringend', 'U kunt toch nog tot', reason]) expect(nl!.text).toContain(part);
      const [fr] = await h.mailOf(workflowIds.objection('CHG-URG', 'urg-fr'));
      expect(fr!.subject).toMatch(/^\[Sous-traitants ultérieurs\] Urgent : /);
      for (const part of ['Cette modification est urgente', 'Vous pouvez néanmoins encore vous y opposer', reason]) {
        expect(fr!.text).toContain(part);
      }

      // To the reminders, a week before the windows close: still the one alert.
      const window = (await h.records.objectionWindows.get('CHG-URG', 'urg-fr'))!;
      await h.skipTo(new Date(Date.parse(window.reminderAt!) + MINUTE).toISOString());
      await h.waitFor(async () => (await h.mailOf(workflowIds.objection('CHG-URG', 'urg-fr'))).length === 2, { what: 'the reminder' });
      expect(await alertStepsOf(handle.workflowId)).toEqual(['alert-urgent-change']);
    });
  });

  test('refused by the team’s address in the first run, the alert is carried into the next and delivered once', async () => {
    await h.customer('urg-a');
    await h.customer('urg-b');
    const taskQueue = 'spu-carried';
    try {
      h.refused.add(privacyTeam);
      await withChanges(taskQueue, async () => {
        const handle = await announceUrgent(taskQueue, 'CHG-URG-CARRY', ['urg-a', 'urg-b'], { windowsPerBatch: 1, batchesPerRun: 1 });
        await continuedAndOpen(handle, 'CHG-URG-CARRY', ['urg-a', 'urg-b']);
        const carried = await carriedByFirstRun(handle);
        expect(carried.carried?.alerts).toEqual([expect.objectContaining({ step: 'alert-urgent-change', kind: 'urgent-change' })]);
        expect(carried.change.urgent).toEqual({ reason });
        expect(await alertStepsOf(handle.workflowId)).toEqual([]);

        h.refused.delete(privacyTeam);
        await h.env.sleep(alertRetry.maxMs + MINUTE);
        await h.waitFor(async () => (await alertStepsOf(handle.workflowId)).length > 0, { what: 'the alert delivered' });
        expect(await alertStepsOf(handle.workflowId)).toEqual(['alert-urgent-change']);
        const rows = (await h.records.emails.listForWorkflow(handle.workflowId)).filter((row) => row.recipient === privacyTeam);
        expect(rows).toEqual([expect.objectContaining({ step: 'alert-urgent-change', status: 'sent' })]);
      });
    } finally {
      h.refused.delete(privacyTeam);
    }
  });

  test('a change not marked urgent raises no such alert', async () => {
    await h.customer('plain');
    const taskQueue = 'spu-plain';
    await withChanges(taskQueue, async () => {
      const notice: SubprocessorChangeNotice = {
        changeId: 'CHG-PLAIN',
        action: 'added',
        subprocessor: { id: 'sp-plain', name: 'Plain Hosting SA', country: 'BE', purpose: 'hosting' },
        transferBasis: 'eea',
        effectiveAt: new Date(Date.now() + 40 * DAY).toISOString(),
        announcedAt: new Date().toISOString(),
      };
      const recorded = await h.records.subprocessors.recordChange({ ...notice, customerIds: ['plain'] });
      const handle = await h.env.client.workflow.start(subprocessorChange, {
        workflowId: h.endsWithWorker(workflowIds.subprocessorChange('CHG-PLAIN')),
        taskQueue,
        args: [{ change: notice, recipients: recorded.recipients }],
      });
      started.push(handle);
      await h.waitFor(async () => (await h.records.objectionWindows.get('CHG-PLAIN', 'plain'))?.state === 'open', {
        what: 'the window open',
      });
      const [notified] = await h.mailOf(workflowIds.objection('CHG-PLAIN', 'plain'));
      expect(notified!.subject).not.toMatch(/Urgent/);
      expect(notified!.text).not.toMatch(/urgent/i);
      const scheduled = (await handle.fetchHistory()).events!.flatMap(
        (event) => event.activityTaskScheduledEventAttributes?.activityType?.name ?? [],
      );
      expect(scheduled).not.toContain('alertPrivacyTeamOfObjectionWindow');
      expect(await alertStepsOf(handle.workflowId)).toEqual([]);
    });
  });
});
