import type { Contact, ContractSettings } from './events';
import type { Language } from './language';

/** A customer (the controller) as the processor's product describes it in `customer.upserted`. */
export interface Customer {
  customerId: string;
  name: string;
  language: Language;
  contacts: Contact[];
  timeZone: string;
  contract: ContractSettings;
}
