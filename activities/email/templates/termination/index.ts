export type { RenderedEmail } from '../rendered-email';
export type * from './facts';
export * from './render';
export { renderCertificatePdf, type CertificateFacts } from './certificate-pdf';
