import { CancelledFailure, Context, heartbeat } from '@temporalio/activity';
import type { ContactPoint } from '../../domain/contact-point';
import type { Customer } from '../../domain/customer';
import type { Language } from '../../domain/language';
import type { Records } from '../../records';
import { currentWorkflowId } from '../workflow-context';
import type { EmailSender } from './send-email';
import type { RenderedEmail } from './templates/rendered-email';

export type CustomerEmailResult =
  | { status: 'sent'; firstAcceptedAt: string; recipients: number; refused: number }
  | { status: 'undeliverable'; problem: string }
  | { status: 'customer-unknown' };

/**
 * Sends one email to every contact of a customer, in the customer's language, each under its own
 * idempotency key (workflow id + step + recipient). The contacts are read here, inside the activity,
 * so no email address ever enters a workflow history. Permanent refusals are counted, not thrown;
 * `undeliverable` means no contact accepted it. A fault of ours (a refused login, a mail server away) is
 * thrown by the sender and retried: the contacts already served are not sent to again.
 *
 * Heartbeats after each email and while the mail server has one. Their details replace the activity's
 * last ones, so an activity that keeps its progress there (the change's announcement) passes
 * `deps.heartbeat` sending that progress; without it, the heartbeat carries none. Once the activity is
 * cancelled, no further email is sent.
 */
export async function emailCustomerContacts(
  deps: { records: Records; emails: EmailSender; heartbeat?: () => void },
  request: { workflowId: string; step: string; customerId: string; render: (customer: Customer) => RenderedEmail },
): Promise<CustomerEmailResult> {
  const customer = await deps.records.customers.get(request.customerId);
  if (!customer) return { status: 'customer-unknown' };
  const email = request.render(customer);
  const beat = deps.heartbeat ?? (() => heartbeat());
  const cancellation = activityCancellation();
  let sent = 0;
  let firstAcceptedAt: string | undefined;
  const refusals: string[] = [];
  for (const contact of customer.contacts) {
    if (cancellation?.aborted) throw cancellation.reason ?? new CancelledFailure('cancelled');
    const outcome = await deps.emails.send({
      workflowId: request.workflowId,
      step: request.step,
      recipient: contact.email,
      language: customer.language,
      email,
      heartbeat: beat,
    });
    beat();
    if (outcome.status === 'sent') {
      sent += 1;
      if (!firstAcceptedAt || outcome.acceptedAt < firstAcceptedAt) firstAcceptedAt = outcome.acceptedAt;
    } else {
      refusals.push(outcome.reason);
    }
  }
  if (sent === 0) {
    // The reasons are SMTP answers; the addresses themselves stay out of the result.
    return { status: 'undeliverable', problem: `no contact accepted the email (${refusals.length} refused: ${refusals.join('; ')})` };
  }
  return { status: 'sent', firstAcceptedAt: firstAcceptedAt!, recipients: sent, refused: refusals.length };
}

/** What every customer email shows of the customer and of us: its name, its time zone, our contact point. */
export type CustomerFacts = { customerName: string; timeZone: string; contact: ContactPoint };

export function customerFacts(customer: Customer, contact: ContactPoint): CustomerFacts {
  return { customerName: customer.name, timeZone: customer.timeZone, contact };
}

/**
 * One email of the activity's own workflow to every contact of a customer, as `emailCustomerContacts`
 * sends it: `render` writes it in the customer's language, from the customer's facts.
 */
export function emailCustomer(
  deps: { records: Records; emails: EmailSender; contactPoint: ContactPoint },
  step: string,
  customerId: string,
  render: (customer: CustomerFacts, language: Language) => RenderedEmail,
): Promise<CustomerEmailResult> {
  return emailCustomerContacts(deps, {
    workflowId: currentWorkflowId(),
    step,
    customerId,
    render: (customer) => render(customerFacts(customer, deps.contactPoint), customer.language),
  });
}

/** The activity's cancellation, when this runs in one. */
function activityCancellation(): AbortSignal | undefined {
  try {
    return Context.current().cancellationSignal;
  } catch {
    return undefined;
  }
}
