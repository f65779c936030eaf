import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { createMailer } from '../../activities/email/mailer';
import { takeObjection } from '../../client/webhooks/handlers/subprocessor';
import { auditConfidentialityConfirmedUpdate, auditDateProposedUpdate } from '../../domain/audit';
import { breachClosedSignal } from '../../domain/breach';
import { addLocalDays, earliestAuditDate } from '../../domain/clocks';
import { customerUpsertedSignal } from '../../domain/customer-messages';
import { defaultRetention } from '../../domain/digests';
import { workflowIds } from '../../domain/ids';
import { instructionStatusQuery } from '../../domain/instruction';
import * as objection from '../../domain/subprocessor-change';
import { deletionConfirmedUpdate, exportCompletedUpdate, exportExtendedUpdate, terminationStatusQuery } from '../../domain/termination';
import {
  auditRequest,
  authorityRequest,
  breachIncident,
  contractTermination,
  customerCannotComply,
  customerRecord,
  customerReminders,
  dsrRequest,
  retention,
  subprocessorChange,
  teamDigest,
  unlawfulInstruction,
} from '../../workflows';
import { startMailCatcher } from '../support/mail';
import { testDataConverter } from '../support/payload-keys';
import { freshDatabase } from '../support/records';
import { startDevServer, startTimeSkippingServer, testWorker } from '../support/temporal';

/**
 * Records the histories that test/replay/replay.test.ts replays: run it (npx tsx with
 * NODE_OPTIONS=--experimental-vm-modules) before a change to a workflow that runs in production, and
 * commit the files, so the replay test proves the change is compatible (or guarded by patched()).
 *
 * With workflow ids as arguments it writes only those files, for example
 *   NODE_OPTIONS=--experimental-vm-modules npx tsx test/replay/record-histories.ts subprocessor-change-REPLAY-S
 * so that a new workflow type's history is added without re-recording the committed ones: those stand
 * for the earlier versions of their workflows, which is what the replay test checks today's code against.
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const env = await startTimeSkippingServer();
  const { database, records } = await freshDatabase('pglite');
  const catcher = await startMailCatcher();
  const mailer = createMailer(catcher.smtpUrl);
  const taskQueue = 'record-histories';
  const worker = await testWorker(env, taskQueue, { records, mailer });
  const out = (name: string) => path.join(__dirname, 'histories', `${name}.json`);
  await worker.runUntil(async () => {
    await records.customers.upsert(
      {
        customerId: 'replay-nl',
        name: 'Replay BV',
        language: 'nl',
        contacts: [{ email: 'dpo@replay.test' }],
        timeZone: 'Europe/Brussels',
        contract: { breachNoticeHours: 48 },
      },
      '2026-11-01T09:00:00.000Z',
    );
    const customer = await env.client.workflow.signalWithStart(customerRecord, {
      workflowId: 'customer-replay-nl',
      taskQueue,
      args: [{}],
      signal: customerUpsertedSignal,
      signalArgs: [{ sourceTimestamp: '2026-11-01T09:00:00.000Z', webhookId: 'msg_replay_customer', applied: true }],
    });
    await customer.result();
    const breach = await env.client.workflow.start(breachIncident, {
      workflowId: 'breach-REPLAY-1',
      taskQueue,
      args: [
        {
          incidentId: 'REPLAY-1',
          awareAt: '2026-11-02T08:00:00.000Z',
          detectedAt: '2026-11-02T08:05:00.000Z',
          summary: 'A laptop with an unencrypted export was stolen.',
          dataCategories: ['names', 'phone numbers'],
          subjectsApprox: 80,
          measures: ['The laptop was wiped remotely'],
          affectedCustomerIds: ['replay-nl', 'replay-unknown'],
        },
      ],
    });
    await env.sleep('10 minutes');
    await breach.signal(breachClosedSignal, { finalReport: 'The device was recovered.', closedAt: '2026-11-03T10:00:00.000Z' });
    await breach.result();

    // Before the processes ended by hand below (the test server stops skipping time once a workflow is
    // terminated with an activity running): a subprocessor change for three customers (5.1-5.2):
    // notices, windows in the records, reminders, closes, the late-delivery week; one customer objects,
    // which starts its objection's workflow, judged reasonable, a change offered and accepted (5.3).
    for (const [customerId, language] of [
      ['replay-fr', 'fr'],
      ['replay-en', 'en'],
    ] as const) {
      await records.customers.upsert(
        {
          customerId,
          name: `Replay ${language}`,
          language,
          contacts: [{ email: `dpo@${customerId}.test` }],
          timeZone: 'Europe/Brussels',
          contract: {},
        },
        '2026-11-01T09:00:00.000Z',
      );
    }
    const changeCustomers = ['replay-nl', 'replay-fr', 'replay-en'];
    const notice: objection.SubprocessorChangeNotice = {
      changeId: 'REPLAY-S',
      action: 'added',
      subprocessor: {
        id: 'sp-replay-mail',
        name: 'CloudMail Inc.',
        country: 'US',
        purpose: 'sending transactional email',
        safeguard: 'scc',
      },
      transferBasis: 'scc',
      effectiveAt: '2026-12-15T00:00:00.000Z',
      announcedAt: '2026-11-02T08:05:00.000Z',
    };
    const recordedChange = await records.subprocessors.recordChange({ ...notice, customerIds: changeCustomers });
    const change = await env.client.workflow.start(subprocessorChange, {
      workflowId: workflowIds.subprocessorChange('REPLAY-S'),
      taskQueue,
      args: [{ change: notice, recipients: recordedChange.recipients }],
    });
    for (let i = 0; (await records.objectionWindows.counts('REPLAY-S')).open < 3; i += 1) {
      if (i > 600) throw new Error('the windows of REPLAY-S did not open');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const taken = await takeObjection(
      { client: env.client, records, webhookId: 'msg_replay_objection', queue: taskQueue },
      {
        changeId: 'REPLAY-S',
        customerId: 'replay-nl',
        reasons: 'Our support tickets must stay in the EEA.',
        receivedAt: new Date(await env.currentTimeMs()).toISOString(),
      },
      await env.currentTimeMs(),
    );
    if (taken.statusCode !== 202) throw new Error(`the objection was not taken: ${JSON.stringify(taken)}`);
    const window = env.client.workflow.getHandle(workflowIds.objection('REPLAY-S', 'replay-nl'));
    await reach(window, 'objected');
    await window.executeUpdate(objection.judgeObjectionUpdate, {
      args: [{ reasonable: true, reason: 'The tickets hold health data.' }],
    });
    await reach(window, 'remedy-pending');
    await window.executeUpdate(objection.recordRemedyOfferUpdate, {
      args: [{ offer: 'Your email keeps going through our EU provider.' }],
    });
    await reach(window, 'offer-made');
    await window.executeUpdate(objection.recordRemedyAnswerUpdate, { args: [{ accepted: true }] });
    await window.result();
    // The change to its end: reminders, closes and the late-delivery week (the server skips the time).
    await change.result();

    // The other processes up to their first waits (the customer told, a clock running), then ended by
    // hand: enough for the replay test to see their opening commands.
    const opened = [
      await env.client.workflow.start(authorityRequest, {
        workflowId: 'authority-REPLAY-A',
        taskQueue,
        args: [
          {
            requestId: 'REPLAY-A',
            authority: 'Federal Judicial Police',
            requestKind: 'disclosure-intent',
            receivedAt: '2026-11-02T08:00:00.000Z',
            reportedAt: '2026-11-02T08:05:00.000Z',
            customerIds: ['replay-nl'],
            disclosureProhibited: false,
          },
        ],
      }),
      await env.client.workflow.start(unlawfulInstruction, {
        workflowId: 'instruction-REPLAY-I',
        taskQueue,
        args: [
          {
            instructionId: 'REPLAY-I',
            customerId: 'replay-nl',
            instruction: 'Keep deleted accounts forever.',
            reason: 'Storage limitation, Art. 5(1)(e) GDPR.',
            flaggedAt: '2026-11-02T08:05:00.000Z',
          },
        ],
      }),
      await env.client.workflow.start(dsrRequest, {
        workflowId: 'dsr-REPLAY-D',
        taskQueue,
        args: [
          {
            requestId: 'REPLAY-D',
            customerId: 'replay-nl',
            receivedAt: '2026-11-02T08:00:00.000Z',
            requestType: 'erasure',
            reportedAt: '2026-11-02T08:05:00.000Z',
          },
        ],
      }),
    ];
    for (let i = 0; (await catcher.messages()).length < 6 && i < 600; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The instruction up to its response period (3.2): told, and flagged until the customer answers.
    for (let i = 0; (await opened[1]!.query(instructionStatusQuery)).status !== 'flagged'; i += 1) {
      if (i > 600) throw new Error('instruction-REPLAY-I was not flagged');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const handle of opened) await terminateWhenIdle(handle);

    // 3.4: a customer that cannot meet its obligations; the privacy team is alerted and the case ends.
    const cannotComply = await env.client.workflow.start(customerCannotComply, {
      workflowId: workflowIds.cannotComply('REPLAY-C'),
      taskQueue,
      args: [{ noticeId: 'REPLAY-C', customerId: 'replay-nl', receivedAt: '2026-11-02T08:10:00.000Z' }],
    });
    await cannotComply.result();

    // 12.2-12.3: an audit proposed too early, asked for another date, invited for it, its auditors bound.
    // Received "now" on the server's clock, which the cases above have moved on.
    const auditReceivedAt = new Date(await env.currentTimeMs()).toISOString();
    const earliestDate = earliestAuditDate(auditReceivedAt, 'Europe/Brussels');
    const tooEarly = addLocalDays(earliestDate, -1);
    await records.audits.recordReceipt({
      auditId: 'REPLAY-AU',
      customerId: 'replay-nl',
      proposedDate: tooEarly,
      receivedAt: auditReceivedAt,
      timeZone: 'Europe/Brussels',
      earliestDate,
      auditor: { name: 'Replay Auditor', email: 'auditor@replay.test' },
    });
    // A plain client: env.client would let the server skip time while an update is awaited, past the audit.
    const plain = new Client({ connection: env.connection, namespace: env.namespace ?? 'default', dataConverter: testDataConverter });
    const audit = await plain.workflow.start(auditRequest, {
      workflowId: workflowIds.audit('REPLAY-AU'),
      taskQueue,
      args: [
        { auditId: 'REPLAY-AU', customerId: 'replay-nl', proposedDate: tooEarly, receivedAt: auditReceivedAt, timeZone: 'Europe/Brussels' },
      ],
    });
    const sentSteps = async () =>
      (await records.emails.listForWorkflow(audit.workflowId)).filter((e) => e.status === 'sent').map((e) => e.step);
    for (let i = 0; !(await sentSteps()).includes('another-date'); i += 1) {
      if (i > 600) throw new Error('audit-REPLAY-AU did not ask for another date');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const at = new Date(Date.now() - 1000).toISOString();
    await audit.executeUpdate(auditDateProposedUpdate, {
      args: [{ proposedDate: earliestDate, receivedAt: at, source: 'product', webhookId: 'msg_replay_audit_1' }],
      updateId: 'msg_replay_audit_1',
    });
    await audit.executeUpdate(auditConfidentialityConfirmedUpdate, {
      args: [{ reference: 'NDA-1', confirmedAt: at, source: 'product', webhookId: 'msg_replay_audit_2' }],
      updateId: 'msg_replay_audit_2',
    });
    for (
      let i = 0;
      (await sentSteps()).filter((step) => step === 'invitation-1').length < 3 ||
      !(await records.audits.get('REPLAY-AU'))?.confidentialityConfirmedAt;
      i += 1
    ) {
      if (i > 600) throw new Error('audit-REPLAY-AU did not send its invitation');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await terminateWhenIdle(audit);
    // 11.2-11.3: the end of a contract through its loop: the notice, an extension, the reminder of the
    // moved end, the window's end, the store asked (no product webhook here: the team is alerted) and
    // its confirmation recorded by an operator.
    const serverNow = async (agoMs = 0) => new Date((await env.currentTimeMs()) - agoMs).toISOString();
    const terminatedAt = await serverNow(60_000);
    const termination = await env.client.workflow.start(contractTermination, {
      workflowId: workflowIds.termination('replay-nl'),
      taskQueue,
      args: [{ customerId: 'replay-nl', terminatedAt, reportedAt: terminatedAt, exportWindowDays: 1 }],
    });
    for (let i = 0; (await termination.query(terminationStatusQuery)).status !== 'export-window'; i += 1) {
      if (i > 600) throw new Error('termination-replay-nl did not open its window');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await termination.executeUpdate(exportExtendedUpdate, {
      args: [{ extraDays: 1, reason: 'replay', receivedAt: await serverNow(1000), source: 'operator' }],
    });
    await env.sleep('4 days');
    for (let i = 0; (await termination.query(terminationStatusQuery)).stores[0]?.delivery !== 'not-configured'; i += 1) {
      if (i > 600) throw new Error('termination-replay-nl did not ask its store');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await termination.executeUpdate(deletionConfirmedUpdate, {
      args: [{ store: 'app-db', method: 'delete', completedAt: await serverNow(1000), reference: 'REPLAY-DEL', source: 'operator' }],
    });
    await termination.result();
    // Issue 13: a run of the retention job, as its schedule starts it (the schedule adds the instant to the id).
    await env.client.workflow.execute(retention, {
      workflowId: 'dpa-retention-REPLAY',
      taskQueue,
      args: [{ settings: defaultRetention }],
    });

    // The end of a contract with its certificate of deletion, a request of the customer ended with the
    // contract (a signal to it), its records anonymised: deletion chosen now, confirmed by an operator.
    await records.customers.upsert(
      {
        customerId: 'replay-end',
        name: 'Replay Fin SRL',
        language: 'fr',
        contacts: [{ email: 'dpo@replay-end.test' }],
        timeZone: 'Europe/Brussels',
        contract: {},
      },
      '2026-11-01T09:00:00.000Z',
    );
    const endedRequestAt = await serverNow(120_000);
    const endedRequest = await env.client.workflow.start(dsrRequest, {
      workflowId: workflowIds.dsr('REPLAY-E'),
      taskQueue,
      args: [
        { requestId: 'REPLAY-E', customerId: 'replay-end', receivedAt: endedRequestAt, reportedAt: endedRequestAt, requestType: 'access' },
      ],
    });
    const endedAt = await serverNow(60_000);
    const ended = await env.client.workflow.start(contractTermination, {
      workflowId: workflowIds.termination('replay-end'),
      taskQueue,
      args: [{ customerId: 'replay-end', terminatedAt: endedAt, reportedAt: endedAt, exportWindowDays: 7 }],
    });
    for (let i = 0; (await ended.query(terminationStatusQuery)).status !== 'export-window'; i += 1) {
      if (i > 600) throw new Error('termination-replay-end did not open its window');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const exportedAt = await serverNow(1000);
    await ended.executeUpdate(exportCompletedUpdate, {
      args: [{ completedAt: exportedAt, deleteNow: true, receivedAt: exportedAt, source: 'operator' }],
    });
    for (let i = 0; (await ended.query(terminationStatusQuery)).stores[0]?.delivery !== 'not-configured'; i += 1) {
      if (i > 600) throw new Error('termination-replay-end did not ask its store');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await ended.executeUpdate(deletionConfirmedUpdate, {
      args: [{ store: 'app-db', method: 'anonymise', completedAt: await serverNow(500), reference: 'REPLAY-ANON', source: 'operator' }],
    });
    await ended.result();
    await endedRequest.result();

    // Issue 13: a history written with the payload codec, every payload encrypted with the tests' keys;
    // the replay test replays it with the codec (the ones above were recorded before encryption).
    const encryptedDsr = await env.client.workflow.start(dsrRequest, {
      workflowId: 'dsr-REPLAY-ENC',
      taskQueue,
      args: [
        {
          requestId: 'REPLAY-ENC',
          customerId: 'replay-nl',
          receivedAt: '2026-11-02T08:00:00.000Z',
          requestType: 'erasure',
          reportedAt: '2026-11-02T08:05:00.000Z',
        },
      ],
    });
    for (let i = 0; !(await encryptedDsr.fetchHistory()).events!.some((e) => e.activityTaskCompletedEventAttributes); i += 1) {
      if (i > 600) throw new Error('dsr-REPLAY-ENC did not tell the customer');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await terminateWhenIdle(encryptedDsr);

    const recorded = [
      'customer-replay-nl',
      'breach-REPLAY-1',
      workflowIds.breachNotice('REPLAY-1', 'replay-nl'),
      workflowIds.breachNotice('REPLAY-1', 'replay-unknown'),
      ...opened.map((handle) => handle.workflowId),
      cannotComply.workflowId,
      audit.workflowId,
      termination.workflowId,
      ended.workflowId,
      change.workflowId,
      window.workflowId,
      'dpa-retention-REPLAY',
      encryptedDsr.workflowId,
    ];
    const unknown = only.filter((workflowId) => !recorded.includes(workflowId) && !onDevServer.includes(workflowId));
    if (unknown.length > 0) throw new Error(`no history of ${unknown.join(', ')} is recorded here; known: ${recorded.join(', ')}`);
    for (const workflowId of recorded.filter((id) => only.length === 0 || only.includes(id))) {
      const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
      writeFileSync(out(workflowId), `${historyToJSON(history)}\n`);
      console.log(`recorded ${workflowId}`);
    }
  });
  await env.teardown();
  if (only.length === 0 || only.some((workflowId) => onDevServer.includes(workflowId))) {
    await recordOnDevServer(
      only.filter((workflowId) => onDevServer.includes(workflowId)),
      { records, mailer },
      out,
    );
  }
  mailer.close();
  await catcher.close();
  await database.close();
}

/** The digests list cases by visibility, which the time-skipping server does not implement: they run on the dev server. */
const onDevServer = ['dpa-team-digest-REPLAY', 'dpa-customer-reminders-REPLAY'];

async function recordOnDevServer(
  only: string[],
  deps: { records: Awaited<ReturnType<typeof freshDatabase>>['records']; mailer: ReturnType<typeof createMailer> },
  out: (name: string) => string,
): Promise<void> {
  const env = await startDevServer();
  const taskQueue = 'record-histories';
  const worker = await testWorker(env, taskQueue, deps);
  await worker.runUntil(async () => {
    await env.client.workflow.execute(teamDigest, {
      workflowId: 'dpa-team-digest-REPLAY',
      taskQueue,
      args: [
        { webUiUrl: 'http://127.0.0.1:8233', timeZone: 'Europe/Brussels', horizonDays: 7, stuckAfterMinutes: 60, ignoreHolidays: true },
      ],
    });
    await env.client.workflow.execute(customerReminders, {
      workflowId: 'dpa-customer-reminders-REPLAY',
      taskQueue,
      args: [{ timeZone: 'Europe/Brussels' }],
    });
    for (const workflowId of onDevServer.filter((id) => only.length === 0 || only.includes(id))) {
      const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
      writeFileSync(out(workflowId), `${historyToJSON(history)}\n`);
      console.log(`recorded ${workflowId}`);
    }
  });
  await env.teardown();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * Terminates a workflow once no activity of it is outstanding: the test server stops skipping time for
 * good when a workflow is terminated while one runs, and every later sleep would hang.
 */
async function terminateWhenIdle(handle: WorkflowHandle): Promise<void> {
  for (let i = 0; ((await handle.describe()).raw.pendingActivities ?? []).length > 0; i += 1) {
    if (i > 600) throw new Error(`${handle.workflowId} kept an activity running`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await handle.terminate('history recorded');
}

/** Polls an objection (in real time) until it shows `status`; a minute at most. */
async function reach(window: WorkflowHandle, status: objection.ObjectionStatusLabel): Promise<void> {
  for (let i = 0; (await window.query(objection.objectionStatusQuery).catch(() => undefined))?.status !== status; i += 1) {
    if (i > 600) throw new Error(`${window.workflowId} did not reach ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
