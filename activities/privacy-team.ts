import type { EmailSender } from './email/send-email';
import type { RenderedEmail } from './email/templates/rendered-email';
import { currentWorkflowId } from './workflow-context';

/**
 * What became of an internal alert. A refusal by the team's address is returned, not thrown: the
 * workflow records it, shows it and tries again later (workflows/privacy-team-alerts.ts), and the case
 * goes on meanwhile. Faults of the mail server are thrown by the sender and retried by Temporal.
 */
export type AlertOutcome = { status: 'delivered' } | { status: 'refused'; reason: string };

/** One alert to the processor's privacy team (PRIVACY_TEAM_EMAIL), in English, once per case and step. */
export async function sendPrivacyTeamAlert(
  deps: { emails: EmailSender; privacyTeamEmail: string },
  step: string,
  email: RenderedEmail,
): Promise<AlertOutcome> {
  const outcome = await deps.emails.send({
    workflowId: currentWorkflowId(),
    step,
    recipient: deps.privacyTeamEmail,
    language: 'en',
    email,
  });
  return outcome.status === 'rejected'
    ? { status: 'refused', reason: `the privacy team's address refused the alert: ${outcome.reason}` }
    : { status: 'delivered' };
}
