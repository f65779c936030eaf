import type { EventHandlers } from './types';

export const dsrHandlers: EventHandlers = {};
