import {
  executeChild,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  sleep,
  upsertSearchAttributes,
  condition,
  allHandlersFinished,
  ParentClosePolicy,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  breachClosedSignal,
  breachStatusQuery,
  unknownCustomerGraceMs,
  type BreachClosedSignal,
  type BreachIncidentInput,
  type BreachNoticeInput,
  type BreachNoticeOutcome,
  type BreachStatus,
} from '../domain/breach';
import { workflowIds } from '../domain/ids';
import { maxCustomerIdsInSearchAttribute, searchAttributes } from '../domain/search-attributes';
import { emailOptions, recordOptions } from './activity-options';

const { recordBreachIncident, recordBreachUndeliverable, closeBreachRecord } = proxyActivities<Activities>(recordOptions);
const { notifyCustomerOfBreach, alertPrivacyTeam } = proxyActivities<Activities>(emailOptions);

/**
 * `breach-<incidentId>` (policy 8.1-8.2; GDPR Art. 33): records the incident in the register and
 * notifies every affected customer through a child workflow of its own, at once and in parallel.
 */
export async function breachIncident(input: BreachIncidentInput): Promise<BreachStatus> {
  const state: BreachStatus = {
    incidentId: input.incidentId,
    status: 'notifying',
    customers: Object.fromEntries(input.affectedCustomerIds.map((customerId) => [customerId, { customerId, status: 'pending' }])),
  };
  let closure: BreachClosedSignal | undefined;
  setHandler(breachStatusQuery, () => state);
  setHandler(breachClosedSignal, (signal) => {
    closure ??= signal;
  });

  const setStatus = (status: BreachStatus['status']) => {
    state.status = status;
    upsertSearchAttributes([{ key: searchAttributes.status, value: status }]);
    setCurrentDetails(describeIncident(state));
  };
  upsertSearchAttributes([
    { key: searchAttributes.process, value: 'breach' },
    ...(input.affectedCustomerIds.length <= maxCustomerIdsInSearchAttribute
      ? [{ key: searchAttributes.customerIds, value: input.affectedCustomerIds }]
      : []),
  ]);
  setStatus('notifying');

  await recordBreachIncident(input);

  await Promise.all(
    input.affectedCustomerIds.map(async (customerId) => {
      const outcome = await executeChild(breachCustomerNotice, {
        workflowId: workflowIds.breachNotice(input.incidentId, customerId),
        args: [{ incidentId: input.incidentId, customerId, facts: input } satisfies BreachNoticeInput],
        // A notice that has started goes out even if the incident is terminated by hand.
        parentClosePolicy: ParentClosePolicy.ABANDON,
        staticSummary: `Breach notice to customer ${customerId}`,
      });
      state.customers[customerId] = outcome;
      setCurrentDetails(describeIncident(state));
    }),
  );

  setStatus('open');
  await condition(() => closure !== undefined);
  await closeBreachRecord({ incidentId: input.incidentId, finalReport: closure!.finalReport, closedAt: closure!.closedAt });
  setStatus('closed');
  await condition(allHandlersFinished);
  return state;
}

/**
 * `breach-<incidentId>-<customerId>`: the notice to one customer's contacts, in its language, without
 * undue delay (8.1). A customer the product has not described yet is waited for a short while; after
 * that, or when no contact accepts the notice, the privacy team is told at once.
 */
export async function breachCustomerNotice(input: BreachNoticeInput): Promise<BreachNoticeOutcome> {
  upsertSearchAttributes([
    { key: searchAttributes.process, value: 'breach-notice' },
    { key: searchAttributes.status, value: 'notifying' },
    { key: searchAttributes.customerIds, value: [input.customerId] },
  ]);
  setCurrentDetails(`**Breach ${input.incidentId}**: notifying customer \`${input.customerId}\``);

  const giveUpAt = Date.now() + unknownCustomerGraceMs;
  let wait = 2_000;
  for (;;) {
    const result = await notifyCustomerOfBreach({
      incidentId: input.incidentId,
      customerId: input.customerId,
      facts: input.facts,
      noticeAt: new Date().toISOString(),
    });
    if (result.status === 'notified') {
      upsertSearchAttributes([{ key: searchAttributes.status, value: 'notified' }]);
      setCurrentDetails(
        `**Breach ${input.incidentId}**: customer \`${input.customerId}\` notified at ${result.notifiedAt} ` +
          `(${result.recipients} contact(s)${result.undeliverable ? `, ${result.undeliverable} refused` : ''})`,
      );
      return { customerId: input.customerId, ...result };
    }
    if (result.status === 'customer-unknown' && Date.now() < giveUpAt) {
      await sleep(Math.min(wait, giveUpAt - Date.now()), { summary: 'waiting for the customer to be described' });
      wait = Math.min(wait * 2, 60_000);
      continue;
    }
    const problem =
      result.status === 'undeliverable'
        ? result.problem
        : 'the product has not described this customer (no customer.upserted), so no contact is known';
    await recordBreachUndeliverable({ incidentId: input.incidentId, customerId: input.customerId, problem });
    await alertPrivacyTeam({
      step: 'notice-undeliverable',
      alert: {
        kind: result.status === 'undeliverable' ? 'notice-undeliverable' : 'no-customer-record',
        incidentId: input.incidentId,
        customerId: input.customerId,
        detail: problem,
      },
    });
    upsertSearchAttributes([{ key: searchAttributes.status, value: 'undeliverable' }]);
    setCurrentDetails(`**Breach ${input.incidentId}**: notice to \`${input.customerId}\` undeliverable: ${problem}`);
    return { customerId: input.customerId, status: 'undeliverable', problem };
  }
}

function describeIncident(state: BreachStatus): string {
  const outcomes = Object.values(state.customers);
  const count = (status: string) => outcomes.filter((outcome) => outcome.status === status).length;
  return [
    `**Breach ${state.incidentId}**: ${state.status}`,
    '',
    `| customers | notified | undeliverable | pending |`,
    `|---|---|---|---|`,
    `| ${outcomes.length} | ${count('notified')} | ${count('undeliverable')} | ${count('pending')} |`,
  ].join('\n');
}
