import type { EventHandlers } from './types';

export const subprocessorHandlers: EventHandlers = {};
