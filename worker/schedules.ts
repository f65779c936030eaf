import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleOptions,
  type ScheduleSpec,
} from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import {
  scheduleIds,
  type CustomerRemindersInput,
  type RetentionInput,
  type ScheduleSettings,
  type ScheduleTime,
  type TeamDigestInput,
} from '../domain/digests';
import { searchAttributes } from '../domain/search-attributes';
import { taskQueue as productTaskQueue } from '../domain/task-queue';

/** What a schedule of ours is: its fixed id, when it fires (or off), and the workflow it starts. */
interface ScheduleDefinition {
  scheduleId: string;
  spec: ScheduleSpec | 'off';
  workflowType: string;
  args: unknown[];
  process: string;
  memo: string;
}

/**
 * The scheduled reminders and the retention job (issue 13), created at start-up by `npm start` and by the
 * worker alone (`npm run start:worker`); here rather than in client/ because the worker imports no client
 * code. Created with fixed ids: created
 * when missing, updated to the settings when present (never a second one), paused with a note when a
 * setting turns one off and unpaused when it turns it on again.
 *
 * Overlap SKIP: a run still going when the next is due (a digest over thousands of cases) is never doubled;
 * the next day's run reports afresh. Catch-up window one hour: a server down at 08:00 that is back by 09:00
 * still sends that morning's digest, once; a longer outage skips it rather than sending a stale one late
 * in the day (the retention job catches up by itself: it deletes whatever is due when it next runs).
 */
export async function ensureSchedules(
  client: Client,
  settings: ScheduleSettings,
  options: {
    taskQueue?: string;
    teamDigest?: Partial<TeamDigestInput>;
    /** The embedded dev server only: how long its namespace keeps closed workflows (a cluster's operator sets it). */
    closedWorkflowRetentionDays?: number;
  } = {},
): Promise<void> {
  if (options.closedWorkflowRetentionDays !== undefined) await setClosedWorkflowRetention(client, options.closedWorkflowRetentionDays);
  const taskQueue = options.taskQueue ?? productTaskQueue;
  const daily = (at: ScheduleTime | 'off', timeZone: string, weekdays: boolean): ScheduleSpec | 'off' =>
    at === 'off'
      ? 'off'
      : {
          calendars: [
            {
              hour: at.hour,
              minute: at.minute,
              ...(weekdays && { dayOfWeek: [{ start: 'MONDAY', end: 'FRIDAY' }] }),
              comment: weekdays ? 'working days; Belgian holidays are skipped by the digest' : 'daily',
            },
          ],
          timezone: timeZone,
        };
  const { customerReminders: reminders } = settings;
  const teamDigestInput: TeamDigestInput = {
    webUiUrl: settings.webUiUrl,
    timeZone: settings.teamDigest.timeZone,
    horizonDays: 7,
    stuckAfterMinutes: 60,
    ...options.teamDigest,
  };
  const definitions: ScheduleDefinition[] = [
    {
      scheduleId: scheduleIds.teamDigest,
      spec: daily(settings.teamDigest.at, settings.teamDigest.timeZone, true),
      workflowType: 'teamDigest',
      args: [teamDigestInput],
      process: 'team-digest',
      memo: "The privacy team's daily digest: deadlines within 7 days, overdue items, undeliverable notices and alerts, stuck activities.",
    },
    {
      scheduleId: scheduleIds.customerReminders,
      spec:
        reminders.at === 'off'
          ? 'off'
          : {
              calendars: [{ dayOfWeek: reminders.at.day, hour: reminders.at.hour, minute: reminders.at.minute, comment: 'weekly' }],
              timezone: reminders.timeZone,
            },
      workflowType: 'customerReminders',
      args: [{ timeZone: reminders.timeZone } satisfies CustomerRemindersInput],
      process: 'customer-reminders',
      memo: 'The weekly reminder to each customer of what waits on it, in its language.',
    },
    {
      scheduleId: scheduleIds.retention,
      spec: daily(settings.retention.at, settings.retention.timeZone, false),
      workflowType: 'retention',
      args: [{ settings: settings.retention.settings } satisfies RetentionInput],
      process: 'retention',
      memo: 'Our own retention (11.1, Art. 5(1)(e)): anonymises or deletes the records whose time is up; logs counts only.',
    },
  ];
  for (const definition of definitions) await ensureSchedule(client, definition, taskQueue);
}

async function ensureSchedule(client: Client, definition: ScheduleDefinition, taskQueue: string): Promise<void> {
  const off = definition.spec === 'off';
  const spec: ScheduleSpec = definition.spec === 'off' ? { calendars: [] } : definition.spec;
  const note = off ? 'turned off by its setting' : 'on';
  const options: ScheduleOptions = {
    scheduleId: definition.scheduleId,
    spec,
    action: {
      type: 'startWorkflow',
      workflowType: definition.workflowType,
      args: definition.args,
      taskQueue,
      // The run's id is this plus the instant it was due: one run per firing.
      workflowId: definition.scheduleId,
      typedSearchAttributes: [{ key: searchAttributes.process, value: definition.process }],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
    state: { paused: off, note },
    memo: { description: definition.memo },
  };
  const handle = client.schedule.getHandle(definition.scheduleId);
  try {
    await handle.describe();
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
    try {
      await client.schedule.create(options);
      return;
    } catch (createError) {
      // Another process created it meanwhile: update it like an existing one.
      if (!(createError instanceof ScheduleAlreadyRunning)) throw createError;
    }
  }
  await handle.update((previous) => ({
    ...previous,
    spec,
    action: options.action,
    policies: { ...previous.policies, overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
    state: { ...previous.state, paused: off, note },
  }));
}

/**
 * How long the namespace keeps a closed workflow's history (visible in the Web UI, then deleted by the
 * server). Histories hold ids, states and instants only; this is the embedded stack's setting, and on a
 * cluster `temporal operator namespace update --retention <days>d <namespace>`.
 */
export async function setClosedWorkflowRetention(client: Client, days: number): Promise<void> {
  await client.workflowService.updateNamespace({
    namespace: client.options.namespace,
    config: { workflowExecutionRetentionTtl: msToTs(`${days} days`) },
  });
}
