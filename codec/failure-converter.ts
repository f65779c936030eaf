import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failure messages and stack traces can quote what a workflow or activity was handling (a summary, an
 * answer's text); with encodeCommonAttributes they travel as an encoded payload that the codec
 * encrypts, and the history shows only "Encoded failure". Loaded by path: the worker bundles it into
 * the workflows' sandbox, the client loads it beside the codec.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
