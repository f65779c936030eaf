import type { EventHandlers } from './types';

export const instructionHandlers: EventHandlers = {};
