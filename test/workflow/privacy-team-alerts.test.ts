import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { searchAttributes } from '../../domain/search-attributes';
import { testMailFrom, testPrivacyTeam } from '../support/temporal';
import { useWorkflowHarness } from '../support/workflow-harness';
import { testDataConverter } from '../support/payload-keys';

const h = useWorkflowHarness();

test('an alert still refused when a case continues as new goes with it, and is delivered by the next run', async () => {
  const taskQueue = 'alerts-across-runs';
  const worker = await Worker.create({
    connection: h.env.nativeConnection,
    namespace: h.env.namespace ?? 'default',
    taskQueue,
    workflowsPath: require.resolve('../support/alert-workflows'),
    dataConverter: testDataConverter,
    activities: createActivities({
      records: h.records,
      mailer: h.mailer,
      mailFrom: testMailFrom,
      privacyTeamEmail: testPrivacyTeam,
      temporal: h.env.client,
    }),
  });
  h.refused.add(testPrivacyTeam);
  try {
    await worker.runUntil(async () => {
      const handle = await h.env.client.workflow.start('alertAcrossRuns', { workflowId: 'alert-probe-1', taskQueue, args: [{}] });
      // The first run handed its refused alert over; the second tried it at once, and it was refused again.
      await h.waitFor(async () => (await handle.describe()).runId !== handle.firstExecutionRunId, { what: 'the second run' });
      await h.waitFor(async () => ((await h.records.emails.listForWorkflow('alert-probe-1'))[0]?.attempts ?? 0) >= 2, {
        what: 'the second attempt',
      });
      // The evidence row is written by the activity, the search attribute by the workflow task after it.
      await h.waitFor(async () => (await handle.describe()).typedSearchAttributes.get(searchAttributes.undeliveredAlerts) === 1, {
        what: 'the refused alert shown by the second run',
      });
      h.refused.delete(testPrivacyTeam);
      await h.env.sleep('16 minutes');
      expect(await handle.result()).toEqual({ pending: [] });
      expect((await handle.describe()).typedSearchAttributes.get(searchAttributes.undeliveredAlerts)).toBe(0);
    });
  } finally {
    h.refused.delete(testPrivacyTeam);
  }
  const evidence = await h.records.emails.listForWorkflow('alert-probe-1');
  expect(evidence.map((row) => [row.step, row.status])).toEqual([['probe-alert', 'sent']]);
  expect(evidence[0]!.attempts).toBeGreaterThanOrEqual(3);
  expect((await h.catcher.messages()).filter((mail) => mail.envelope.to[0] === testPrivacyTeam)).toHaveLength(1);
});
