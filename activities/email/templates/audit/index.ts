export type { RenderedEmail } from '../rendered-email';
export type { AuditPrivacyTeamAlertKind } from './alert';
export * from './calendar';
export * from './render';
