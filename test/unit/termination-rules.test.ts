import { renderTerminationNotice } from '../../activities/email/templates/termination';
import { readConfig } from '../../config/config';
import { nextReminder } from '../../domain/clocks';
import { objectionWindowClosesAt } from '../../domain/subprocessor-change';
import {
  applyDeletionConfirmation,
  applyExportExtension,
  currentClosesAt,
  defaultTerminationConfig,
  defaultTerminationSettings,
  exportWindowClosesAt,
  exportWindowDays,
  openTerminationState,
  refuseDeletionConfirmation,
  refuseExportCompletion,
  refuseExportExtension,
  refuseNewCaseForEndedContract,
  terminationStatus,
  type TerminationState,
} from '../../domain/termination';

const now = '2027-03-10T12:00:00.000Z';

function windowOpen(): TerminationState {
  const state = openTerminationState({
    customerId: 'acme',
    terminatedAt: '2027-02-28T23:00:00.000Z',
    reportedAt: '2027-02-28T23:00:00.000Z',
  });
  state.timeZone = 'Europe/Brussels';
  state.windowDays = 30;
  state.windowSource = 'setting';
  state.noticeAcceptedAt = '2027-03-01T09:00:00.000Z';
  state.closesAt = currentClosesAt(state);
  state.phase = 'export-window';
  state.dataStores = ['app-db', 'backups'];
  return state;
}

function deleting(): TerminationState {
  const state = windowOpen();
  state.phase = 'deleting';
  state.deletionStartedAt = '2027-03-31T22:00:00.000Z';
  state.stores = state.dataStores.map((store) => ({
    store,
    webhookId: `termination-acme.delete-${store}`,
    requestedAt: '2027-03-31T22:00:00.000Z',
    delivery: 'accepted' as const,
    followUps: 0,
  }));
  return state;
}

describe('11.2: the period the notice states', () => {
  it('is the event’s, else the contract’s, else the setting’s', () => {
    expect(exportWindowDays(14, 60, 30)).toEqual({ days: 14, source: 'event' });
    expect(exportWindowDays(undefined, 60, 30)).toEqual({ days: 60, source: 'contract' });
    expect(exportWindowDays(undefined, undefined, 30)).toEqual({ days: 30, source: 'setting' });
  });

  it('ends with its last day whole in the customer’s zone, across a daylight-saving change', () => {
    // 1 March (winter time) + 30 days: 31 March ends at midnight summer time (UTC+2).
    expect(exportWindowClosesAt('2027-03-01T09:00:00.000Z', 'Europe/Brussels', 30)).toBe('2027-03-31T21:59:59.999Z');
    // A notice accepted at 23:30 in Brussels counts that day as day 0.
    expect(exportWindowClosesAt('2027-01-10T22:30:00.000Z', 'Europe/Brussels', 1)).toBe('2027-01-11T22:59:59.999Z');
    // Past midnight in Tokyo already: the next local day is day 0.
    expect(exportWindowClosesAt('2027-01-10T16:00:00.000Z', 'Asia/Tokyo', 1)).toBe('2027-01-12T14:59:59.999Z');
  });

  it('is the same computation as the 30 days to object to a subprocessor change', () => {
    for (const [at, zone] of [
      ['2029-02-20T15:00:00.000Z', 'America/New_York'],
      ['2026-10-10T21:30:00.000Z', 'Europe/Brussels'],
    ] as const) {
      expect(exportWindowClosesAt(at, zone, 30)).toBe(objectionWindowClosesAt(at, zone, 30));
    }
  });
});

describe('extensions move the end and every reminder with it', () => {
  it('adds the days to the stored end; the reminders are those of the new end', () => {
    const state = windowOpen();
    expect(state.closesAt).toBe('2027-03-31T21:59:59.999Z');
    const message = { extraDays: 10, receivedAt: now, source: 'product' as const, webhookId: 'w1' };
    expect(refuseExportExtension(state, message, now)).toBeUndefined();
    expect(applyExportExtension(state, message)).toEqual({ extraDays: 10, closesAt: '2027-04-10T21:59:59.999Z', duplicate: false });
    expect(applyExportExtension(state, message)).toMatchObject({ extraDays: 10, duplicate: true });
    const next = nextReminder(state.closesAt!, defaultTerminationSettings.reminderOffsets, [], now);
    expect(next).toMatchObject({ key: 'P7D@2027-04-10T21:59:59.999Z', at: '2027-04-03T21:59:59.999Z' });
  });

  it('refuses a number of days that is not a whole 1 to 365, and any once deletion started or was chosen', () => {
    const state = windowOpen();
    for (const extraDays of [0, -1, 1.5, 366]) {
      expect(refuseExportExtension(state, { extraDays, receivedAt: now, source: 'product' }, now)).toMatch(/whole number from 1 to 365/);
    }
    expect(refuseExportExtension(deleting(), { extraDays: 3, receivedAt: now, source: 'product' }, now)).toMatch(
      /ended at 2027-03-31T21:59:59.999Z; deletion has started/,
    );
    state.export = { completedAt: now, deleteNow: true, receivedAt: now, source: 'product' };
    expect(refuseExportExtension(state, { extraDays: 3, receivedAt: now, source: 'product' }, now)).toMatch(/asked for deletion now/);
  });
});

describe('the export and its deleteNow', () => {
  it('refuses a completion before the contract ended, and a second, different report', () => {
    const state = windowOpen();
    expect(refuseExportCompletion(state, { completedAt: '2027-02-01T00:00:00.000Z', receivedAt: now, source: 'product' }, now)).toMatch(
      /before the contract ended/,
    );
    state.export = { completedAt: '2027-03-05T10:00:00.000Z', deleteNow: false, receivedAt: now, source: 'product' };
    expect(
      refuseExportCompletion(state, { completedAt: '2027-03-05T10:00:00.000Z', receivedAt: now, source: 'product' }, now),
    ).toBeUndefined();
    expect(
      refuseExportCompletion(state, { completedAt: '2027-03-05T10:00:00.000Z', deleteNow: true, receivedAt: now, source: 'product' }, now),
    ).toMatch(/already reported completed/);
  });
});

describe('11.3: deletion confirmations', () => {
  const confirmation = {
    store: 'backups',
    method: 'delete' as const,
    completedAt: '2027-04-01T10:00:00.000Z',
    reference: 'B-1',
    source: 'product' as const,
  };

  it('are refused while the window is open, for a store not asked, and with another method than delete or anonymise', () => {
    expect(refuseDeletionConfirmation(windowOpen(), confirmation, '2027-04-02T00:00:00.000Z')).toMatch(/export window is still open/);
    const state = deleting();
    expect(refuseDeletionConfirmation(state, { ...confirmation, store: 'warehouse' }, '2027-04-02T00:00:00.000Z')).toMatch(
      /store warehouse was not asked .*app-db, backups/,
    );
    expect(refuseDeletionConfirmation(state, { ...confirmation, method: 'shred' as never }, '2027-04-02T00:00:00.000Z')).toMatch(
      /method must be one of delete, anonymise/,
    );
  });

  it('apply once; the same again is a duplicate, another reference for a confirmed store is refused', () => {
    const state = deleting();
    const at = '2027-04-02T00:00:00.000Z';
    expect(refuseDeletionConfirmation(state, confirmation, at)).toBeUndefined();
    expect(applyDeletionConfirmation(state, confirmation)).toEqual({ store: 'backups', remaining: 1, duplicate: false });
    expect(refuseDeletionConfirmation(state, confirmation, at)).toBeUndefined();
    expect(applyDeletionConfirmation(state, confirmation)).toMatchObject({ duplicate: true });
    expect(refuseDeletionConfirmation(state, { ...confirmation, reference: 'B-2' }, at)).toMatch(
      /already confirmed \(delete, reference B-1\)/,
    );
  });
});

test('13: a new case for a customer whose contract ended is refused with the reason', () => {
  expect(refuseNewCaseForEndedContract('acme', undefined, 'data subject request')).toBeUndefined();
  expect(refuseNewCaseForEndedContract('acme', { terminatedAt: '2027-02-28T23:00:00.000Z' }, 'audit')).toBe(
    'the contract of customer acme ended at 2027-02-28T23:00:00.000Z (contract.terminated); no new audit can be opened for it ' +
      '(policy 11, 13): its data is exported and then deleted',
  );
});

describe('settings', () => {
  it('defaults to 30 days and one store, and reads PRODUCT_DATA_STORES, EXPORT_WINDOW_DAYS and the export tool', () => {
    expect(readConfig({}).termination).toMatchObject({ defaultExportWindowDays: 30, dataStores: ['app-db'] });
    const config = readConfig({
      PRODUCT_DATA_STORES: 'app-db, search,backups',
      EXPORT_WINDOW_DAYS: '45',
      EXPORT_TOOL_URL: 'https://export.example/go',
      EXPORT_INSTRUCTIONS_FR: 'Cliquez sur Exporter.',
    }).termination;
    expect(config).toMatchObject({ defaultExportWindowDays: 45, dataStores: ['app-db', 'search', 'backups'] });
    expect(config.exportTool).toMatchObject({ url: 'https://export.example/go', instructions: { fr: 'Cliquez sur Exporter.' } });
  });

  it('refuses stores that are not ids, twice the same store, a window over a year and a URL that is none', () => {
    expect(() => readConfig({ PRODUCT_DATA_STORES: 'app db' })).toThrow(/PRODUCT_DATA_STORES must be distinct store ids/);
    expect(() => readConfig({ PRODUCT_DATA_STORES: 'a,a' })).toThrow(/PRODUCT_DATA_STORES/);
    expect(() => readConfig({ EXPORT_WINDOW_DAYS: '400' })).toThrow(/EXPORT_WINDOW_DAYS must be at most 365/);
    expect(() => readConfig({ EXPORT_TOOL_URL: 'export tool' })).toThrow(/EXPORT_TOOL_URL must be an http\(s\) URL/);
  });

  it('reads the processor that signs the certificate of deletion, and refuses a name with control characters', () => {
    expect(readConfig({}).termination.processorName).toBeUndefined();
    expect(readConfig({ PROCESSOR_NAME: 'Processor NV' }).termination.processorName).toBe('Processor NV');
    expect(() => readConfig({ PROCESSOR_NAME: 'Processor\nNV' })).toThrow(/PROCESSOR_NAME must be at most 200 characters, without control/);
    expect(() => readConfig({ PROCESSOR_NAME: 'x'.repeat(201) })).toThrow(/PROCESSOR_NAME/);
  });
});

describe('the notice in each language states the exact end and how to export', () => {
  it.each([
    ['nl', '31 maart 2027'],
    ['fr', '31 mars 2027'],
    ['en', '31 March 2027'],
  ] as const)('%s', (language, end) => {
    const email = renderTerminationNotice(
      {
        customerName: 'Acme',
        customerId: 'acme',
        terminatedAt: '2027-02-28T23:00:00.000Z',
        closesAt: '2027-03-31T21:59:59.999Z',
        timeZone: 'Europe/Brussels',
        contact: { name: 'Privacy team', email: 'privacy@processor.example' },
        windowDays: 30,
        exportHow: {
          url: defaultTerminationConfig.exportTool.url,
          instructions: defaultTerminationConfig.exportTool.instructions[language],
        },
      },
      language,
    );
    expect(email.text).toContain(end);
    expect(email.text).toContain('23:59');
    expect(email.text).toContain(defaultTerminationConfig.exportTool.url);
    expect(email.text).toContain(defaultTerminationConfig.exportTool.instructions[language]);
    expect(email.subject).toContain('acme');
  });
});

describe('the status reads what is true while the stores are asked', () => {
  const asked = (delivery: 'sending' | 'accepted' | 'failed' | 'not-configured', followUps: number): TerminationState => {
    const state = deleting();
    state.stores = [
      { store: 'app-db', webhookId: 'termination-acme.delete-app-db', requestedAt: now, delivery: 'accepted', followUps: 0 },
      { store: 'backups', webhookId: 'termination-acme.delete-backups', requestedAt: now, delivery, followUps },
    ];
    return state;
  };
  const settings = { deletionAlertAfterDays: 3, deletionFollowUpDays: 1 };

  test('asked and not yet answered 2xx (or answered) before the alert period: deleting', () => {
    expect(terminationStatus(asked('sending', 0), settings)).toBe('deleting');
    expect(terminationStatus(asked('sending', 2), settings)).toBe('deleting');
    expect(terminationStatus(asked('accepted', 2), settings)).toBe('deleting');
  });

  test('silent for the alert period, or not askable at all: deletion-unconfirmed', () => {
    expect(terminationStatus(asked('sending', 3), settings)).toBe('deletion-unconfirmed');
    expect(terminationStatus(asked('accepted', 3), settings)).toBe('deletion-unconfirmed');
    expect(terminationStatus(asked('failed', 0), settings)).toBe('deletion-unconfirmed');
    expect(terminationStatus(asked('not-configured', 0), settings)).toBe('deletion-unconfirmed');
  });

  test('the alert period counts follow-up periods of their length', () => {
    expect(terminationStatus(asked('accepted', 1), { deletionAlertAfterDays: 3, deletionFollowUpDays: 2 })).toBe('deleting');
    expect(terminationStatus(asked('accepted', 2), { deletionAlertAfterDays: 3, deletionFollowUpDays: 2 })).toBe('deletion-unconfirmed');
  });

  test('a confirmed store is never unconfirmed', () => {
    const state = asked('failed', 5);
    state.stores[1]!.confirmed = { method: 'delete', completedAt: now, reference: 'R', source: 'product' };
    expect(terminationStatus(state, settings)).toBe('deleting');
  });
});
