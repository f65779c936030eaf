import { setHandler } from '@temporalio/workflow';
import { messageDescriptions } from '../domain/message-descriptions';

/**
 * `setHandler` with the message's description (domain/message-descriptions.ts), so the Web UI tells an
 * operator what each signal, update and query expects. Every handler of every process is set through it.
 */
export const handle: typeof setHandler = ((definition: { name: string }, handler: unknown, options?: object) =>
  setHandler(
    definition as never,
    handler as never,
    { ...options, description: messageDescriptions[definition.name] } as never,
  )) as typeof setHandler;
