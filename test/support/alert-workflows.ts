import { condition, continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { emailOptions } from '../../workflows/activity-options';
import { privacyTeamAlerts } from '../../workflows/privacy-team-alerts';

/**
 * Test-only workflow for test/workflow/privacy-team-alerts.test.ts: an alert refused in one run, handed
 * to the next by continue-as-new (as the DSR and instruction processes do), delivered there.
 */
const { alertPrivacyTeamOfBreach } = proxyActivities<Activities>(emailOptions);
type Request = Parameters<Activities['alertPrivacyTeamOfBreach']>[0];

export async function alertAcrossRuns(input: { carried?: Request[] }): Promise<{ pending: string[] }> {
  const alerts = privacyTeamAlerts<Request>({ send: alertPrivacyTeamOfBreach, ...(input.carried && { carried: input.carried }) });
  if (!input.carried) {
    alerts.raise({ step: 'probe-alert', alert: { kind: 'status-update-due', incidentId: 'PROBE-1', detail: 'a probe' } });
    await condition(() => alerts.undelivered().length === 1 && alerts.sending() === 0);
    await continueAsNew<typeof alertAcrossRuns>({ carried: alerts.pending() });
  }
  await alerts.delivered();
  return { pending: alerts.pending().map((request) => request.step) };
}
