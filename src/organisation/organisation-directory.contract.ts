/** What other modules may know of organisations. */
export interface OrganisationRef {
  id: string;
  name: string;
  retired: boolean;
}

/**
 * The organisation module's public face: the controlled list of employers that profiles choose from
 * and reports name (a later talent pipeline binds employer users to them too).
 */
export abstract class OrganisationDirectory {
  /** Organisations by id, retired ones included (old profiles still point at them). */
  abstract findByIds(ids: string[]): Promise<OrganisationRef[]>;
  /** The organisations a profile may choose now: not retired, by name. */
  abstract selectable(): Promise<OrganisationRef[]>;
}
