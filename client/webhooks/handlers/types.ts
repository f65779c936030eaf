import type { Client } from '@temporalio/client';
import type { EventData, EventType } from '../../../domain/events';
import type { Records } from '../../../records';
import type { DispatchAnswer } from '../answers';

export interface EventContext {
  client: Client;
  /** The records, for what must not travel through Temporal (personal data) or must be checked first. */
  records: Records;
  /** The delivery's `webhook-id`: signals carry it so that a workflow applies each delivery once. */
  webhookId: string;
  /** The event's own timestamp, in UTC: when the product says it happened, which may be long before. */
  timestamp: string;
  /** When this endpoint received the delivery, by its own clock: where a notice period owed to us counts from. */
  receivedAt: string;
}

export type EventHandler<T extends EventType> = (context: EventContext, data: EventData<T>) => Promise<DispatchAnswer>;

/** The handlers of one process: each turns an accepted event into the Temporal call of the contract. */
export type EventHandlers = { [T in EventType]?: EventHandler<T> };
