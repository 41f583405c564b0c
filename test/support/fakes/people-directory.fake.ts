import type { Demographics, PersonSummary } from '../../../src/identity/user-directory.service';

/**
 * The identity module's UserDirectory in memory, for the two reads reporting makes of it (people's
 * zones, consenting people's demographic fields); checked against the module by
 * test/contracts/people-directory.contract-suite.ts.
 */
export class FakePeopleDirectory {
  private readonly people = new Map<string, PersonSummary>();
  private readonly consenting = new Set<string>();

  /** A person; `consents` says whether their demographic fields may be used (without it they are not held). */
  add(person: PersonSummary, consents: boolean): PersonSummary {
    const held = consents ? person : { ...person, gender: null, birthYear: null, district: null, employer: null };
    this.people.set(person.id, { ...held });
    if (consents) this.consenting.add(person.id);
    return held;
  }

  /** Withdrawing consent deletes the fields, as the module does. */
  withdrawConsent(id: string): void {
    this.consenting.delete(id);
    const person = this.people.get(id);
    if (person) this.people.set(id, { ...person, gender: null, birthYear: null, district: null, employer: null });
  }

  async findByIds(ids: string[]): Promise<PersonSummary[]> {
    return [...new Set(ids)].flatMap((id) => (this.people.has(id) ? [{ ...this.people.get(id)! }] : []));
  }

  async demographicsOf(ids: string[]): Promise<Demographics[]> {
    return [...new Set(ids)]
      .filter((id) => this.consenting.has(id))
      .map((id) => {
        const { gender, birthYear, district, employer } = this.people.get(id)!;
        return { id, gender, birthYear, district, employer };
      });
  }
}
