import type { Client } from '@temporalio/client';
import type { EventType, WebhookEvent } from '../../domain/events';
import type { Records } from '../../records';
import { refused, type DispatchAnswer } from './answers';
import { auditHandlers } from './handlers/audit';
import { authorityHandlers } from './handlers/authority';
import { breachHandlers } from './handlers/breach';
import { customerHandlers } from './handlers/customer';
import { dsrHandlers } from './handlers/dsr';
import { instructionHandlers } from './handlers/instruction';
import { objectionHandlers } from './handlers/objection';
import { subprocessorHandlers } from './handlers/subprocessor';
import { terminationHandlers } from './handlers/termination';
import type { EventHandler, EventHandlers } from './handlers/types';

export type { DispatchAnswer } from './answers';

const handlers: EventHandlers = {
  ...customerHandlers,
  ...breachHandlers,
  ...dsrHandlers,
  ...authorityHandlers,
  ...instructionHandlers,
  ...subprocessorHandlers,
  ...objectionHandlers,
  ...auditHandlers,
  ...terminationHandlers,
};

/**
 * Turns one accepted event into the Temporal call of the public contract. Every call is idempotent on
 * its own: deterministic workflow ids with USE_EXISTING, and signals that carry the webhook id.
 */
export async function dispatchEvent(
  client: Client,
  records: Records,
  event: WebhookEvent,
  webhookId: string,
  receivedAt: string = new Date().toISOString(),
): Promise<DispatchAnswer> {
  const handler = handlers[event.type] as EventHandler<EventType> | undefined;
  if (!handler) {
    return refused(501, `events of type ${event.type} are part of the contract but their process is not running yet`);
  }
  return handler({ client, records, webhookId, timestamp: event.timestamp, receivedAt }, event.data as never);
}
