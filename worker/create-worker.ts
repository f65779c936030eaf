import { Client } from '@temporalio/client';
import { SdkComponent } from '@temporalio/common';
import { bundleWorkflowCode, NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { dataConverter, failureConverterPath } from '../codec/data-converter';
import type { PayloadKey } from '../codec/keys';
import { taskQueue } from '../domain/task-queue';
import { activityOutcomeLogging } from './activity-outcome-log';
import { countEmailOutcomes } from './email-metrics';
import { sdkLogger } from './sdk-logger';

export interface WorkerSetup extends Omit<ActivityDeps, 'temporal'> {
  connection: NativeConnection;
  namespace: string;
  /** A prebuilt bundle (tests build it once per file); without it the workflows are bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  taskQueue?: string;
  /** Workflows kept in memory between tasks (config: WORKER_MAX_CACHED_WORKFLOWS); the SDK's default otherwise. */
  maxCachedWorkflows?: number;
  /** The payload codec's keys (PAYLOAD_ENCRYPTION_KEYS): the first encrypts, every one decrypts. */
  payloadKeys: PayloadKey[];
}

/** The worker runs every workflow and activity of the product on one task queue. */
export async function createWorker(setup: WorkerSetup): Promise<Worker> {
  // Bundled here rather than by Worker.create from workflowsPath, so that webpack's module statistics
  // go to debug with the SDK's other routine lines.
  const workflowBundle =
    setup.workflowBundle ??
    (await bundleWorkflowCode({
      workflowsPath: workflowsPath(),
      failureConverterPath,
      logger: sdkLogger({ sdkComponent: SdkComponent.worker }),
    }));
  const converter = dataConverter(setup.payloadKeys);
  return Worker.create({
    connection: setup.connection,
    namespace: setup.namespace,
    taskQueue: setup.taskQueue ?? taskQueue,
    workflowBundle,
    dataConverter: converter,
    // The activities' client shares the worker's connection: no second connection to configure or close.
    activities: createActivities({
      ...setup,
      records: { ...setup.records, emails: countEmailOutcomes(setup.records.emails, Runtime.instance().metricMeter) },
      temporal: new Client({ connection: setup.connection, namespace: setup.namespace, dataConverter: converter }),
    }),
    // One line per activity attempt with its outcome (ids and states only); the SDK keeps its own
    // (debug) activity log interceptor beside it.
    interceptors: { activity: [activityOutcomeLogging] },
    ...(setup.maxCachedWorkflows !== undefined && { maxCachedWorkflows: setup.maxCachedWorkflows }),
    // The time a running activity gets to finish on Ctrl-C before it is cancelled.
    shutdownGraceTime: '10 seconds',
  });
}

export function workflowsPath(): string {
  return require.resolve('../workflows');
}
