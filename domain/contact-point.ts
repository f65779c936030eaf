/**
 * The processor's contact point for data protection: the name and contact details of its data protection
 * officer or other contact point, which a breach notice must give (GDPR Art. 33(3)(b)) and every customer
 * email shows, so that a customer always knows whom to reach and how.
 */
export interface ContactPoint {
  /** A person or a team, e.g. "Data Protection Officer, Jan Peeters". */
  name: string;
  email: string;
  /** As dialled from abroad, e.g. "+32 2 123 45 67". */
  telephone?: string;
}

/** Who answers when the settings name nobody: the privacy team, at its own address. */
export function defaultContactPoint(privacyTeamEmail: string): ContactPoint {
  return { name: 'Privacy team', email: privacyTeamEmail };
}
