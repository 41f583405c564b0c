import { OrganisationDirectory, OrganisationRef } from '../../../src/organisation/organisation-directory.contract';

/** The organisation module's directory in memory; checked against the module by test/contracts/organisation-directory.contract-suite.ts. */
export class FakeOrganisationDirectory extends OrganisationDirectory {
  readonly organisations = new Map<string, OrganisationRef>();

  add(ref: OrganisationRef): OrganisationRef {
    this.organisations.set(ref.id, { ...ref });
    return ref;
  }

  async findByIds(ids: string[]): Promise<OrganisationRef[]> {
    return [...new Set(ids)].flatMap((id) => (this.organisations.has(id) ? [{ ...this.organisations.get(id)! }] : []));
  }

  async selectable(): Promise<OrganisationRef[]> {
    return [...this.organisations.values()].filter((o) => !o.retired).sort((a, b) => a.name.localeCompare(b.name)).map((o) => ({ ...o }));
  }
}
