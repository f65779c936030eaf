import type { UpdateDefinition } from '@temporalio/common';
import { setHandler } from '@temporalio/workflow';
import { messageDescriptions } from '../domain/message-descriptions';
import { refuse } from './failures';

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

/**
 * An update the case's state decides, the way every process takes one: `rule` (a pure `refuseX` from
 * domain/<process>.ts) gives the reason to refuse it or nothing, in the validator, so a refusal leaves no
 * event in the history; `apply` changes the state and gives the update's answer; `show` then refreshes
 * what the Web UI shows.
 */
export function decideUpdate<Ret, Message>(
  update: UpdateDefinition<Ret, [Message]>,
  rule: (message: Message) => string | undefined,
  apply: (message: Message) => Ret,
  show: () => void,
): void {
  handle(
    update,
    (message: Message) => {
      const result = apply(message);
      show();
      return result;
    },
    { validator: (message: Message) => refuse(rule(message)) },
  );
}
