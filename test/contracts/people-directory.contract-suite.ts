import type { UserDirectory } from '../../src/identity/user-directory.service';

/** What a person is made with in a stand: their name and zone, and demographic fields given with consent (none without). */
export interface NewPerson {
  displayName: string;
  timeZone: string;
  demographics?: { gender: string; birthYear: number; district: string; employer: string };
}

/** A provider of the UserDirectory reads reporting makes, with the means to make people: the fake in memory, the identity module over HTTP. */
export interface PeopleDirectoryStand {
  directory: Pick<UserDirectory, 'findByIds' | 'demographicsOf'>;
  add(person: NewPerson): Promise<string>;
  withdrawConsent(id: string): Promise<void>;
  close(): Promise<void>;
}

/** What the directory answers reporting, whoever provides it (test/people-directory-contract.e2e-spec.ts runs it against both). */
export function describePeopleDirectoryContract(name: string, makeStand: () => Promise<PeopleDirectoryStand>): void {
  describe(`UserDirectory (reporting's reads) contract: ${name}`, () => {
    let stand: PeopleDirectoryStand;
    beforeAll(async () => {
      stand = await makeStand();
    });
    afterAll(() => stand?.close());

    const fields = { gender: 'female', birthYear: 1998, district: 'Cayo', employer: 'other' };

    it('finds people by id once each, with their zone and the demographic fields they gave; nothing for unknown ids', async () => {
      const tokyo = await stand.add({ displayName: 'Aiko Tanaka', timeZone: 'Asia/Tokyo', demographics: fields });
      const belize = await stand.add({ displayName: 'Marisol Chan', timeZone: 'America/Belize' });
      const found = await stand.directory.findByIds([tokyo, belize, '00000000-0000-4000-8000-000000000000', tokyo]);
      expect([...found].sort((a, b) => a.displayName.localeCompare(b.displayName))).toEqual([
        expect.objectContaining({ id: tokyo, displayName: 'Aiko Tanaka', timeZone: 'Asia/Tokyo', active: true, roles: ['trainee'], ...fields }),
        expect.objectContaining({ id: belize, displayName: 'Marisol Chan', timeZone: 'America/Belize', active: true, gender: null, birthYear: null, district: null, employer: null }),
      ]);
      expect(await stand.directory.findByIds([])).toEqual([]);
    });

    it('answers demographic fields only of people whose consent is in force, once each', async () => {
      const given = await stand.add({ displayName: 'Consenting', timeZone: 'America/Belize', demographics: fields });
      const never = await stand.add({ displayName: 'Never asked', timeZone: 'America/Belize' });
      const withdrawn = await stand.add({ displayName: 'Changed mind', timeZone: 'America/Belize', demographics: fields });
      await stand.withdrawConsent(withdrawn);
      expect(await stand.directory.demographicsOf([given, never, withdrawn, given])).toEqual([{ id: given, ...fields }]);
      expect(await stand.directory.demographicsOf([])).toEqual([]);
      // Withdrawal deletes the fields themselves, not only their use.
      expect((await stand.directory.findByIds([withdrawn]))[0]).toMatchObject({ gender: null, birthYear: null, district: null, employer: null });
    });
  });
}
