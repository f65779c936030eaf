export type { RenderedEmail } from '../rendered-email';
export type * from './facts';
export { countryName } from '../../format';
export * from './render';
