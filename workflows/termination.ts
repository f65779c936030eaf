import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  isCancellation,
  patched,
  proxyActivities,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { AlertOutcome } from '../activities/privacy-team';
import type { CustomerEmailResult } from '../activities/email/customer-contacts';
import type { TerminationNoticeResult } from '../activities/termination';
import type { TerminationPrivacyTeamAlertFacts, TerminationPrivacyTeamAlertKind } from '../activities/email/templates/termination';
import { deadlinePassed, nextReminder } from '../domain/clocks';
import { dsrContractEndedSignal } from '../domain/dsr';
import { workflowIds } from '../domain/ids';
import { defaultTimeZone } from '../domain/language';
import { searchAttributes } from '../domain/search-attributes';
import { waitingWhile } from '../domain/digests';
import {
  applyDeletionConfirmation,
  applyExportCompletion,
  applyExportExtension,
  certifiedStores,
  currentClosesAt,
  deletionConfirmedUpdate,
  deletionWebhookId,
  exportCompletedUpdate,
  exportExtendedUpdate,
  exportNoticeGivenUpdate,
  exportWindowClosesAt,
  openTerminationState,
  refuseDeletionConfirmation,
  refuseExportCompletion,
  refuseExportExtension,
  refuseExportNotice,
  storeOverdue,
  terminationSettings,
  terminationStatus,
  terminationStatusQuery,
  type StoreDeletion,
  type TerminationInput,
  type TerminationState,
} from '../domain/termination';
import { emailOptions, recordOptions } from './activity-options';
import { caseViewer } from './case-view';
import { untilCustomerDescribed } from './customer-grace';
import { failureMessage, refuse } from './failures';
import { decideUpdate, handle } from './handlers';
import { privacyTeamAlerts } from './privacy-team-alerts';
import { waitUntil } from './wait';

export interface TerminationAlertRequest {
  step: string;
  alert: TerminationPrivacyTeamAlertFacts;
}

const {
  lookupTerminationCustomer,
  recordTermination,
  recordExportWindow,
  recordExportExtension,
  recordExportCompleted,
  recordDeletionConfirmed,
  recordTerminationDeleted,
  endCasesOfEndedContract,
  openDsrRequestsOf,
  anonymiseDataSubjectsOf,
} = proxyActivities<Activities>(recordOptions);
const {
  notifyCustomerOfTermination,
  remindCustomerOfExportWindow,
  confirmExportExtension,
  confirmExportWaiver,
  alertPrivacyTeamOfTermination,
  issueDeletionCertificate,
} = proxyActivities<Activities>(emailOptions);

/**
 * Asking a store to delete: as for a DSR action (workflows/dsr.ts), each attempt is one HTTP call and
 * attempts go on until the product answers 2xx, the backoff capped at five minutes; a missing
 * configuration is thrown non-retryably.
 */
const { requestStoreDeletion } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

const productWebhookNotConfigured = 'ProductWebhookNotConfigured';
const dayMs = 86_400_000;

/**
 * `termination-<customerId>` (policy 11.1-11.3, 13; GDPR Art. 28(3)(g)): the customer is told of its
 * export window (the period the event states, else its contract's, else the setting), which starts when
 * the mail server accepts the notice and ends with its last day whole in the customer's zone; it is
 * reminded before the end, computed from the stored end so that an extension moves every reminder; when
 * the window ends (or the controller asks in writing for deletion now), each store of the product is
 * asked by a signed `deletion.requested` webhook to delete or anonymise, re-asked daily until it
 * confirms, the privacy team alerted after a few days of silence.
 */
export async function contractTermination(
  input: TerminationInput & { carriedAlerts?: TerminationAlertRequest[] },
): Promise<TerminationState> {
  const settings = terminationSettings(input.settings);
  const state = input.resume ?? openTerminationState(input);
  // Each run starts with no alert known to be refused: a carried one shows again once refused again.
  state.undeliveredAlerts = [];
  const { workflowId } = workflowInfo();
  const now = (): string => new Date().toISOString();
  const alerts = privacyTeamAlerts<TerminationAlertRequest>({
    send: sendAlert,
    carried: input.carriedAlerts ?? [],
    onChange: () => {
      state.undeliveredAlerts = alerts.undelivered();
      refresh();
    },
  });

  handle(terminationStatusQuery, () => state);
  decideUpdate(
    exportExtendedUpdate,
    (message) => refuseExportExtension(state, message, now()),
    (message) => applyExportExtension(state, message),
    refresh,
  );
  decideUpdate(
    exportCompletedUpdate,
    (message) => refuseExportCompletion(state, message, now()),
    (message) => applyExportCompletion(state, message),
    refresh,
  );
  handle(
    deletionConfirmedUpdate,
    (message) => {
      const result = applyDeletionConfirmation(state, message);
      const store = state.stores.find((candidate) => candidate.store === message.store);
      if (store) stopSending(store.store);
      refresh();
      return result;
    },
    { validator: (message) => refuse(refuseDeletionConfirmation(state, message, now())) },
  );
  handle(
    exportNoticeGivenUpdate,
    (message) => {
      startWindow(new Date(message.givenAt).toISOString());
      note(`the customer was told of its export window another way (${message.channel})`);
      refresh();
      return { closesAt: state.closesAt! };
    },
    { validator: (message) => refuse(refuseExportNotice(state, message, now())) },
  );

  // ---- what operators see in the Web UI

  const show = caseViewer();
  // Each status change is a search-attribute command: a case begun before the new rule keeps the old one.
  const statusRule = patched('status-deleting-until-alert') ? 'until-alert' : 'legacy';
  function refresh(): void {
    state.status = terminationStatus(state, settings, statusRule);
    show({
      status: state.status,
      nextDeadline: state.phase === 'export-window' ? state.closesAt : undefined,
      details: describeTermination(state) + alerts.describe(),
      waitingOnCustomer: waitingWhile(state.phase === 'export-window' && !state.export, {
        kind: 'export-window',
        customerId: state.customerId,
        caseId: state.customerId,
        deadline: state.closesAt,
      }),
    });
  }

  function note(event: string): void {
    state.timeline.push({ at: now(), event });
  }

  const caseFacts = () => ({ customerId: state.customerId, terminatedAt: state.terminatedAt, closesAt: state.closesAt! });

  function alert(
    step: string,
    kind: TerminationPrivacyTeamAlertKind,
    detail: string,
    extra: { store?: string; dueAt?: string } = {},
  ): void {
    if (state.alertsSent.includes(step)) return;
    state.alertsSent.push(step);
    alerts.raise({ step, alert: { kind, customerId: state.customerId, detail, ...extra } });
  }

  async function sendAlert(request: TerminationAlertRequest): Promise<AlertOutcome> {
    const outcome = await alertPrivacyTeamOfTermination(request);
    if (outcome.status === 'delivered')
      note(`privacy team alerted: ${request.alert.kind}${request.alert.store ? ` (${request.alert.store})` : ''}`);
    return outcome;
  }

  /** 11.2: the window starts when the customer is told; its end follows from the start, the period and every extension. */
  function startWindow(noticeAcceptedAt: string): void {
    state.noticeAcceptedAt = noticeAcceptedAt;
    state.closesAt = currentClosesAt(state);
    state.phase = 'export-window';
  }

  // ---- records and emails of what the handlers decided

  const unsettled = () =>
    (state.noticeAcceptedAt !== undefined && state.recorded.extensions < state.extensions.length) ||
    (state.export !== undefined && !state.recorded.export) ||
    state.stores.some((store) => store.confirmed && !state.recorded.confirmations.includes(store.store));

  async function settleRecords(): Promise<void> {
    if (state.noticeAcceptedAt) {
      while (state.recorded.extensions < state.extensions.length) {
        const index = state.recorded.extensions;
        const extension = state.extensions[index]!;
        const extra = state.extensions.slice(0, index + 1).reduce((sum, e) => sum + e.extraDays, 0);
        const closesAt = exportWindowClosesAt(state.noticeAcceptedAt, state.timeZone!, state.windowDays! + extra);
        const previousClosesAt = exportWindowClosesAt(
          state.noticeAcceptedAt,
          state.timeZone!,
          state.windowDays! + extra - extension.extraDays,
        );
        extension.closesAt = closesAt;
        await recordExportExtension({
          customerId: state.customerId,
          sequence: index + 1,
          extraDays: extension.extraDays,
          ...(extension.reason !== undefined && { reason: extension.reason }),
          source: extension.source,
          requestedAt: extension.receivedAt,
          closesAt,
        });
        // An extension the notice already stated (it came before the notice went out) needs no email of its own.
        if (!extension.beforeNotice) {
          const sent = await confirmExportExtension({
            ...caseFacts(),
            closesAt,
            step: `extension-${index + 1}`,
            extraDays: extension.extraDays,
            previousClosesAt,
            ...(extension.reason !== undefined && { reason: extension.reason }),
          });
          note(`extension ${index + 1} to ${closesAt}: customer ${emailOutcome(sent)}`);
        }
        state.recorded.extensions = index + 1;
      }
    }
    if (state.export && !state.recorded.export) {
      await recordExportCompleted({
        customerId: state.customerId,
        completedAt: state.export.completedAt,
        deleteNow: state.export.deleteNow,
      });
      state.recorded.export = true;
    }
    for (const store of state.stores) {
      if (!store.confirmed || state.recorded.confirmations.includes(store.store)) continue;
      const { method, completedAt, reference, lastCopyExpiresAt, source } = store.confirmed;
      await recordDeletionConfirmed({
        customerId: state.customerId,
        store: store.store,
        method,
        completedAt,
        reference,
        ...(lastCopyExpiresAt !== undefined && { lastCopyExpiresAt }),
        source,
      });
      state.recorded.confirmations.push(store.store);
    }
  }

  // ---- 1. the notice (11.2)

  async function openCase(): Promise<void> {
    await recordTermination({
      customerId: state.customerId,
      terminatedAt: state.terminatedAt,
      reportedAt: state.reportedAt,
      ...(input.exportWindowDays !== undefined && { exportWindowDays: input.exportWindowDays }),
    });
    const customer = await untilCustomerDescribed(
      settings.unknownCustomerGraceMinutes,
      () =>
        lookupTerminationCustomer({
          customerId: state.customerId,
          ...(input.exportWindowDays !== undefined && { exportWindowDays: input.exportWindowDays }),
        }),
      (found) => found.status === 'unknown',
    );
    state.timeZone = customer.timeZone ?? defaultTimeZone;
    state.windowDays = customer.windowDays;
    state.windowSource = customer.windowSource;
    state.dataStores = customer.stores;
    note(`export window of ${customer.windowDays} day(s) (from the ${customer.windowSource}); stores: ${customer.stores.join(', ')}`);

    const notice: TerminationNoticeResult =
      customer.status === 'known'
        ? await notifyCustomerOfTermination({
            customerId: state.customerId,
            terminatedAt: state.terminatedAt,
            windowDays: state.windowDays + state.extensions.reduce((sum, e) => sum + e.extraDays, 0),
          })
        : { status: 'customer-unknown' };
    if (notice.status === 'sent') {
      state.notice = 'notified';
      startWindow(notice.acceptedAt);
      note(`customer notified (${notice.recipients} contact(s)); the window ends ${state.closesAt}`);
      refresh();
    } else {
      state.notice = notice.status;
      refresh();
      alert(
        notice.status === 'customer-unknown' ? 'alert-no-customer-record' : 'alert-notice-undeliverable',
        notice.status === 'customer-unknown' ? 'no-customer-record' : 'notice-undeliverable',
        notice.status === 'customer-unknown'
          ? `The product reported that the contract of customer ${state.customerId} ended at ${state.terminatedAt}, but has not described the customer.`
          : notice.problem,
      );
      await condition(() => state.noticeAcceptedAt !== undefined);
    }
    await recordExportWindow({
      customerId: state.customerId,
      exportWindowDays: state.windowDays,
      windowSource: state.windowSource,
      timeZone: state.timeZone,
      noticeAcceptedAt: state.noticeAcceptedAt!,
      exportClosesAt: currentClosesAt({ ...state, extensions: [] })!,
    });
    refresh();
  }

  // ---- 2. the window: reminders from the stored end; an extension moves them

  async function exportWindowRound(): Promise<'open' | 'ended' | 'waived'> {
    if (state.export?.deleteNow) return 'waived';
    const closesAt = state.closesAt!;
    const at = now();
    if (deadlinePassed(closesAt, at)) return 'ended';
    const next = nextReminder(closesAt, settings.reminderOffsets, state.remindersSent, at);
    const changed = () => state.closesAt !== closesAt || state.export?.deleteNow === true || unsettled();
    const summary = next ? `reminder ${next.before} before the export window ends (${closesAt})` : `the export window ends (${closesAt})`;
    if (await waitUntil(next?.at ?? closesAt, changed, summary)) return 'open';
    if (!next) return 'ended';
    const sent = await remindCustomerOfExportWindow({ ...caseFacts(), step: `reminder-${next.key}` });
    state.remindersSent.push(next.key);
    note(`reminder ${next.before} before ${closesAt}: customer ${emailOutcome(sent)}`);
    refresh();
    return 'open';
  }

  // ---- 3. deletion (11.3): every store asked, re-asked daily until it confirms

  const sending = new Map<string, { scope: CancellationScope; done: Promise<void> }>();

  function startSending(store: StoreDeletion): void {
    const scope = new CancellationScope();
    store.delivery = 'sending';
    const done = scope
      .run(() =>
        requestStoreDeletion({
          customerId: state.customerId,
          store: store.store,
          webhookId: store.webhookId,
          requestedAt: store.requestedAt,
        }),
      )
      .then(
        () => {
          store.delivery = 'accepted';
          delete store.problem;
          note(`product accepted the deletion request for ${store.store} (${store.webhookId})`);
        },
        (error: unknown) => {
          if (isCancellation(error)) return;
          const notConfigured =
            error instanceof ActivityFailure &&
            error.cause instanceof ApplicationFailure &&
            error.cause.type === productWebhookNotConfigured;
          store.delivery = notConfigured ? 'not-configured' : 'failed';
          store.problem = failureMessage(error);
          alert(
            notConfigured ? 'alert-product-webhook-not-configured' : `alert-request-failed-${store.store}`,
            notConfigured ? 'product-webhook-not-configured' : 'deletion-unconfirmed',
            `Store ${store.store} could not be asked to delete the data of customer ${state.customerId} ` +
              `(webhook id ${store.webhookId}): ${store.problem}. It is asked again every day.`,
            { store: store.store },
          );
        },
      )
      .finally(() => {
        sending.delete(store.store);
        refresh();
      });
    sending.set(store.store, { scope, done });
  }

  function stopSending(storeId: string): void {
    sending.get(storeId)?.scope.cancel();
  }

  async function startDeletion(reason: 'ended' | 'waived'): Promise<void> {
    state.phase = 'deleting';
    state.deletionStartedAt = now();
    if (reason === 'waived') {
      state.waivedAt = state.deletionStartedAt;
      const sent = await confirmExportWaiver({
        ...caseFacts(),
        exportCompletedAt: state.export!.completedAt,
        waivedAt: state.waivedAt,
      });
      note(`the rest of the window (to ${state.closesAt}) waived at the customer's request; customer ${emailOutcome(sent)}`);
    } else {
      note(`the export window ended (${state.closesAt})`);
    }
    for (const storeId of state.dataStores) {
      const store: StoreDeletion = {
        store: storeId,
        webhookId: deletionWebhookId(workflowId, storeId),
        requestedAt: state.deletionStartedAt,
        delivery: 'sending',
        followUps: 0,
      };
      state.stores.push(store);
      startSending(store);
    }
    refresh();
  }

  async function deletionRound(): Promise<void> {
    const waiting = state.stores.filter((store) => !store.confirmed);
    if (waiting.length === 0) return;
    const followUpAt = (store: StoreDeletion) =>
      Date.parse(store.requestedAt) + (store.followUps + 1) * settings.deletionFollowUpDays * dayMs;
    const wakeAt = Math.min(...waiting.map(followUpAt));
    const confirmed = state.stores.filter((store) => store.confirmed).length;
    const interrupted = await waitUntil(
      wakeAt,
      () => state.stores.filter((store) => store.confirmed).length !== confirmed || unsettled() || readyToContinueAsNew(),
      `waiting for ${waiting.length} store(s) to confirm the deletion`,
    );
    if (interrupted) return;
    const at = Date.now();
    for (const store of waiting) {
      if (store.confirmed || followUpAt(store) > at) continue;
      store.followUps += 1;
      const resent = !sending.has(store.store);
      if (resent) startSending(store);
      note(`store ${store.store} has not confirmed after ${store.followUps} day(s)${resent ? '; asked again' : ''}`);
      if (storeOverdue(store, settings)) {
        alert(
          `alert-deletion-unconfirmed-${store.store}`,
          'deletion-unconfirmed',
          `Store ${store.store} was asked at ${store.requestedAt} (webhook id ${store.webhookId}) to delete or anonymise ` +
            `the personal data of customer ${state.customerId} and has not confirmed it after ${store.followUps} day(s).`,
          { store: store.store },
        );
      }
    }
    refresh();
  }

  // ---- 4. the certificate of deletion (11.3) and this product's own records

  async function sendCertificate(): Promise<void> {
    const issued = await issueDeletionCertificate({
      customerId: state.customerId,
      terminatedAt: state.terminatedAt,
      deletedAt: state.deletedAt!,
      stores: certifiedStores(state),
    });
    state.certificate = { sha256: issued.sha256, filename: issued.filename, language: issued.language, email: issued.email.status };
    note(`certificate of deletion issued (sha256 ${issued.sha256.slice(0, 16)}…); customer ${emailOutcome(issued.email)}`);
    if (issued.email.status !== 'sent')
      alert(
        'alert-certificate-undeliverable',
        'certificate-undeliverable',
        `The certificate of deletion of customer ${state.customerId} (${issued.filename}, sha256 ${issued.sha256}) could not ` +
          `be emailed: ${issued.email.status === 'undeliverable' ? issued.email.problem : 'the product has not described the customer'}. ` +
          'It is kept in the records (termination_certificates); send it another way.',
      );
    refresh();
  }

  /**
   * 13: with the data deleted, the customer's other cases end with it (breach cases run on: the
   * customer must still hear of a breach of the time its data was here). Open data subject requests end
   * with reason `contract-ended`; once they have closed (an hour at most), the personal data of the
   * customer's data subjects is cleared from this product's own records, the evidence kept.
   */
  async function endOwnRecords(): Promise<void> {
    const ended = await endCasesOfEndedContract({ customerId: state.customerId, deletedAt: state.deletedAt! });
    const told: string[] = [];
    for (const requestId of ended.dsrRequestIds) {
      const dsrWorkflowId = workflowIds.dsr(requestId);
      await getExternalWorkflowHandle(dsrWorkflowId)
        .signal(dsrContractEndedSignal, { deletedAt: state.deletedAt!, terminationWorkflowId: workflowId })
        .then(
          () => {
            told.push(requestId);
            note(`data subject request ${requestId}: told the contract ended`);
          },
          () => note(`data subject request ${requestId}: no running case to tell (its record is anonymised all the same)`),
        );
    }
    state.endedCases = { dsrRequestIds: ended.dsrRequestIds, windowsClosed: ended.windowsClosed, objectionsEnded: ended.objectionsEnded };
    if (ended.windowsClosed + ended.objectionsEnded.length > 0)
      note(
        `objection windows closed: ${ended.windowsClosed}; objections ended: ${ended.objectionsEnded.join(', ') || 'none'} (contract-ended)`,
      );
    refresh();
    // A request closes within seconds of the signal; one whose worker is away does not hold the rest up for long.
    // Looked at after 2, 4, 8 ... seconds, then every minute.
    const giveUpAt = Date.now() + settings.endedCasesWaitMinutes * 60_000;
    for (let pause = 2_000; ; pause = Math.min(pause * 2, 60_000)) {
      const open = await openDsrRequestsOf({ customerId: state.customerId });
      // Only a request that was told can close; one whose case no longer runs is not waited for.
      if (!open.some((requestId) => told.includes(requestId))) break;
      if (Date.now() >= giveUpAt) {
        note(
          `data subject request(s) still open after ${settings.endedCasesWaitMinutes} minute(s): ${open.join(', ')}; anonymised all the same`,
        );
        break;
      }
      await sleep(pause);
    }
    const anonymised = await anonymiseDataSubjectsOf({ customerId: state.customerId });
    state.dataSubjectsAnonymisedAt = anonymised.anonymisedAt;
    note(
      `personal data of the customer's data subjects cleared from our records (${anonymised.requests} request(s)); the evidence is kept`,
    );
    refresh();
  }

  // ---- a long case continues as new (a store silent for months is asked again every day)

  function historyIsLong(): boolean {
    const info = workflowInfo();
    return (
      info.continueAsNewSuggested ||
      (settings.continueAsNewAfterEvents !== undefined && info.historyLength >= settings.continueAsNewAfterEvents)
    );
  }

  /** Also a wake-up condition: the round's requests just went out, and the case continues once they are answered. */
  function readyToContinueAsNew(): boolean {
    return sending.size === 0 && historyIsLong();
  }

  /**
   * Between rounds, with no request to a store in flight (one that is retrying while the product is down
   * adds nothing to the history: the next round looks again), once every update in progress has
   * finished and no alert is being sent. The state is plain JSON; alerts not yet taken go with it.
   */
  async function continueAsNewWhenLong(): Promise<void> {
    if (!readyToContinueAsNew()) return;
    await condition(() => allHandlersFinished() && alerts.sending() === 0);
    if (sending.size > 0) return;
    note(`continued as new after ${workflowInfo().historyLength} history events`);
    await continueAsNew<typeof contractTermination>({ ...input, resume: state, carriedAlerts: alerts.pending() });
  }

  // ---- the case

  upsertSearchAttributes([
    { key: searchAttributes.process, value: 'termination' },
    { key: searchAttributes.customerIds, value: [state.customerId] },
  ]);
  refresh();

  if (state.phase === 'notifying') await openCase();
  while (state.phase === 'export-window') {
    await settleRecords();
    await continueAsNewWhenLong();
    const round = await exportWindowRound();
    if (round !== 'open') await startDeletion(round);
  }
  while (state.stores.some((store) => !store.confirmed) || unsettled()) {
    await settleRecords();
    await continueAsNewWhenLong();
    await deletionRound();
  }
  await Promise.all([...sending.values()].map((entry) => entry.done));
  state.deletedAt = now();
  await recordTerminationDeleted({ customerId: state.customerId, deletedAt: state.deletedAt });
  state.phase = 'deleted';
  note('every store confirmed the deletion');
  refresh();
  // Cases that ended before the certificate existed completed here; their histories replay unchanged.
  if (patched('certificate-of-deletion')) await sendCertificate();
  if (patched('own-records-after-contract')) await endOwnRecords();
  await condition(allHandlersFinished);
  await alerts.delivered();
  return state;
}

function emailOutcome(result: CustomerEmailResult): string {
  if (result.status === 'sent') return `emailed (${result.recipients} contact(s)${result.refused ? `, ${result.refused} refused` : ''})`;
  if (result.status === 'undeliverable') return 'could not be emailed';
  return 'unknown, not emailed';
}

function describeTermination(state: TerminationState): string {
  const cell = (value: string | undefined) => (value === undefined || value === '' ? '—' : value);
  const extra = state.extensions.reduce((sum, e) => sum + e.extraDays, 0);
  const stores = state.stores.map(
    (store) => `${store.store}: ${store.confirmed ? `${store.confirmed.method} ${store.confirmed.completedAt}` : store.delivery}`,
  );
  return [
    `**End of contract of customer \`${state.customerId}\`**: ${state.status}`,
    '',
    '| terminated | window | notice accepted | window ends | export | stores |',
    '|---|---|---|---|---|---|',
    `| ${state.terminatedAt} | ${state.windowDays === undefined ? '—' : `${state.windowDays} d (${state.windowSource})${extra ? ` + ${extra} d` : ''}`} | ` +
      `${cell(state.noticeAcceptedAt)} | ${cell(state.closesAt)} | ${state.export ? `${state.export.completedAt}${state.export.deleteNow ? ' (delete now)' : ''}` : '—'} | ` +
      `${cell(stores.join('; '))} |`,
    ...(state.certificate
      ? [
          '',
          `Certificate of deletion \`${state.certificate.filename}\` (${state.certificate.language}, sha256 \`${state.certificate.sha256.slice(0, 16)}…\`): ${state.certificate.email}` +
            (state.endedCases
              ? `; ended with the contract: ${state.endedCases.dsrRequestIds.length} request(s), ${state.endedCases.windowsClosed} window(s), ${state.endedCases.objectionsEnded.length} objection(s)`
              : '') +
            (state.dataSubjectsAnonymisedAt ? `; subject data cleared ${state.dataSubjectsAnonymisedAt}` : ''),
        ]
      : []),
  ].join('\n');
}
