import { breachStatusQuery } from '../../domain/breach';
import { workflowIds } from '../../domain/ids';
import { breachEvent, startStack, type Stack } from '../support/stack';

/**
 * A breach may concern every customer of the processor: 10,000 customers in one `breach.detected`, on
 * the embedded stack (dev server, PGlite, the worker, real SMTP). The customers are described straight
 * into the records (10,000 `customer.upserted` webhooks would take minutes and test nothing here).
 */
const customers = 10_000;
const initialNotices = new Set<string>();
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    database: 'pglite',
    mail: {
      // Counted as they arrive: parsing 10,000 messages again and again would measure the test, not the product.
      beforeAccept: (raw) => {
        const head = raw.subarray(0, 4096).toString('latin1');
        const workflowId = /^X-DPA-Workflow-Id: (\S+)/im.exec(head)?.[1];
        if (workflowId?.startsWith('breach-ALL~') && /^X-DPA-Step: initial-notice/im.test(head)) initialNotices.add(workflowId);
      },
    },
  });
  const ids = Array.from({ length: customers }, (_, index) => `cust-${String(index).padStart(5, '0')}`);
  for (let start = 0; start < ids.length; start += 50) {
    await Promise.all(
      ids.slice(start, start + 50).map((customerId) =>
        stack.records.customers.upsert(
          {
            customerId,
            name: `Customer ${customerId}`,
            language: 'en',
            contacts: [{ email: `dpo@${customerId}.example` }],
            timeZone: 'Europe/Brussels',
            contract: {},
          },
          '2026-01-01T00:00:00Z',
        ),
      ),
    );
  }
}, 300_000);
afterAll(() => stack?.close());

test(
  "one breach for 10,000 customers: every one is told once, and the incident's history stays small",
  async () => {
    const ids = Array.from({ length: customers }, (_, index) => `cust-${String(index).padStart(5, '0')}`);
    const answer = await stack.post(breachEvent('ALL', ids));
    expect(answer).toEqual({ status: 202, body: { workflowId: 'breach-ALL' } });

    const deadline = Date.now() + 10 * 60_000;
    while (initialNotices.size < customers && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
    expect(initialNotices.size).toBe(customers);

    const incident = stack.env.client.workflow.getHandle(workflowIds.breach('ALL'));
    for (let i = 0; i < 600 && (await incident.query(breachStatusQuery)).status !== 'open'; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await incident.query(breachStatusQuery)).toMatchObject({
      status: 'open',
      customers,
      notified: customers,
      pending: 0,
      undeliverable: {},
    });
    // Before, each child's input held all 10,000 ids and the server ended the incident after 77 children.
    const history = await incident.fetchHistory();
    expect(history.events!.length).toBeLessThan(500);
    const lastNotice = await stack.env.client.workflow.getHandle(workflowIds.breachNotice('ALL', 'cust-09999')).describe();
    expect(lastNotice.searchAttributes).toMatchObject({ DpaProcess: ['breach-notice'], DpaCustomerIds: ['cust-09999'] });
    const entry = await stack.records.breaches.get('ALL');
    expect(entry!.notifications.filter((notification) => notification.status === 'notified')).toHaveLength(customers);
  },
  15 * 60_000,
);
