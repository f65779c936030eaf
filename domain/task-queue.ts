/** The one task queue of this product: every workflow and activity runs on it. */
export const taskQueue = 'dpa-orchestrator';
