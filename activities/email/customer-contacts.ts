import { CancelledFailure, Context, heartbeat } from '@temporalio/activity';
import type { ContactPoint } from '../../domain/contact-point';
import type { Customer } from '../../domain/customer';
import type { Language } from '../../domain/language';
import type { Records } from '../../records';
import type { EmailRecord } from '../../records/email-log';
import { currentWorkflowId } from '../workflow-context';
import { emailIdempotencyKey, type EmailRequest, type EmailSender } from './send-email';
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
  request: CustomerEmailRequest,
): Promise<CustomerEmailResult> {
  const [result] = await emailCustomersTogether(deps, [request]);
  return result!;
}

export interface CustomerEmailRequest {
  workflowId: string;
  step: string;
  customerId: string;
  render: (customer: Customer) => RenderedEmail;
}

/**
 * `emailCustomerContacts` for several customers side by side (a batch's slice), with one query for
 * their records and one statement claiming all their emails; each contact's send is then its own, and
 * so is its answer in the evidence log. Results come in the requests' order.
 */
export async function emailCustomersTogether(
  deps: { records: Records; emails: EmailSender; heartbeat?: () => void },
  requests: readonly CustomerEmailRequest[],
): Promise<CustomerEmailResult[]> {
  const customers = await deps.records.customers.getMany([...new Set(requests.map((request) => request.customerId))]);
  // A beat after every email of a slice would cost more than the slice's sends; one a second is plenty.
  const beat = throttled(deps.heartbeat ?? (() => heartbeat()), heartbeatEveryMs);
  // Each customer's emails, one per contact; a contact listed twice (in any case) is one email.
  const planned = requests.map((request) => {
    const customer = customers.get(request.customerId);
    if (!customer) return undefined;
    const email = request.render(customer);
    const byKey = new Map<string, EmailRequest>();
    for (const contact of customer.contacts) {
      const emailRequest: EmailRequest = {
        workflowId: request.workflowId,
        step: request.step,
        recipient: contact.email,
        language: customer.language,
        email,
        heartbeat: beat,
      };
      const key = emailIdempotencyKey(emailRequest);
      if (!byKey.has(key)) byKey.set(key, emailRequest);
    }
    return [...byKey.values()];
  });
  const toClaim = planned.flatMap((emails) => emails ?? []);
  const claims = await deps.emails.claimAll(toClaim);
  const claimOf = new Map(toClaim.map((emailRequest, index) => [emailRequest, claims[index]!]));
  const cancellation = activityCancellation();
  return Promise.all(
    planned.map(async (emails): Promise<CustomerEmailResult> => {
      if (!emails) return { status: 'customer-unknown' };
      let sent = 0;
      let firstAcceptedAt: string | undefined;
      const refusals: string[] = [];
      for (const [index, emailRequest] of emails.entries()) {
        if (cancellation?.aborted) {
          // Cancelled before this contact's send: its claim goes back with the rest.
          await releaseClaims(deps.records, emails.slice(index), claimOf);
          throw cancellation.reason ?? new CancelledFailure('cancelled');
        }
        let outcome;
        try {
          outcome = await deps.emails.send(emailRequest, claimOf.get(emailRequest));
        } catch (error) {
          // The contacts after this one were claimed with it: give them up now, so the retry need not
          // wait for their leases to run out.
          await releaseClaims(deps.records, emails.slice(index + 1), claimOf);
          throw error;
        }
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
    }),
  );
}

/** Beats at most once per `everyMs`: the first call at once. */
function throttled(beat: () => void, everyMs: number): () => void {
  let last = -Infinity;
  return () => {
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    beat();
  };
}

const heartbeatEveryMs = 1_000;

/** Claims taken for emails that will not be sent by this attempt, handed back (as a cancelled attempt). */
async function releaseClaims(records: Records, unsent: readonly EmailRequest[], claimOf: Map<EmailRequest, EmailRecord>): Promise<void> {
  for (const emailRequest of unsent) {
    const claim = claimOf.get(emailRequest);
    if (claim && claim.status === 'sending' && !claim.sendingElsewhereUntil) {
      await records.emails.releaseClaim(claim.idempotencyKey, claim.attempts, 'not sent: an earlier email to this customer failed');
    }
  }
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
