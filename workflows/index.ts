// The workflow bundle's entry: every process the worker runs.
export { breachCustomerNotice, breachIncident } from './breach';
export { customerRecord } from './customer';
export * from './dsr';
export * from './authority';
export * from './instruction';
export * from './subprocessor-change';
export * from './audit';
export * from './termination';
export * from './digests';
export * from './retention';
