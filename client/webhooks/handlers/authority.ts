import type { EventHandlers } from './types';

export const authorityHandlers: EventHandlers = {};
