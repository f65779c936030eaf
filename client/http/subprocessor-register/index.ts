export type { RegisterPageCopy } from './copy';
export { renderSubprocessorRegisterHtml } from './page';
export { readRegisterInstant } from './query';
export { registerSubprocessorRegisterRoutes } from './route';
export { registerEntry, type RegisterChange, type RegisterEntry, type RegisterPage } from './view';
