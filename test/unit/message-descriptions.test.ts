import * as audit from '../../domain/audit';
import * as authority from '../../domain/authority';
import * as breach from '../../domain/breach';
import * as customer from '../../domain/customer-messages';
import * as digests from '../../domain/digests';
import * as dsr from '../../domain/dsr';
import * as instruction from '../../domain/instruction';
import { messageDescriptions } from '../../domain/message-descriptions';
import * as subprocessorChange from '../../domain/subprocessor-change';
import * as termination from '../../domain/termination';

/** Every signal, update and query the domain defines, found among the modules' exports. */
const definitions = [audit, authority, breach, customer, digests, dsr, instruction, subprocessorChange, termination]
  .flatMap((module) => Object.values(module as Record<string, unknown>))
  .filter(
    (value): value is { type: string; name: string } =>
      typeof value === 'object' &&
      value !== null &&
      ['signal', 'update', 'query'].includes((value as { type?: string }).type ?? '') &&
      typeof (value as { name?: unknown }).name === 'string',
  );

test('the domain defines the messages of every process', () => {
  expect(definitions.length).toBeGreaterThanOrEqual(39);
});

test('every signal, update and query has a description for the Web UI, and every description a message', () => {
  const names = [...new Set(definitions.map((definition) => definition.name))].sort();
  expect(names.filter((name) => !messageDescriptions[name]?.trim())).toEqual([]);
  expect(Object.keys(messageDescriptions).filter((name) => !names.includes(name))).toEqual([]);
});
