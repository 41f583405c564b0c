import { randomUUID } from 'node:crypto';
import { OrganisationDirectory } from '../../src/organisation/organisation-directory.contract';

/** A provider of OrganisationDirectory with the means to make organisations: the fake in memory, the organisation module over HTTP. */
export interface OrganisationDirectoryStand {
  directory: OrganisationDirectory;
  /** A new organisation of this name; answers its id. */
  add(name: string): Promise<string>;
  retire(id: string): Promise<void>;
  close(): Promise<void>;
}

/** What OrganisationDirectory does, whoever provides it (test/organisation-talent-contracts.e2e-spec.ts runs it against both). */
export function describeOrganisationDirectoryContract(name: string, makeStand: () => Promise<OrganisationDirectoryStand>): void {
  describe(`OrganisationDirectory contract: ${name}`, () => {
    let stand: OrganisationDirectoryStand;
    beforeAll(async () => {
      stand = await makeStand();
    });
    afterAll(() => stand?.close());

    it('finds organisations by id, retired ones included, once each; nothing for ids that name none', async () => {
      const tag = randomUUID().slice(0, 8);
      const reef = await stand.add(`Reef Connect ${tag}`);
      const jaguar = await stand.add(`Jaguar BPO ${tag}`);
      await stand.retire(jaguar);
      const found = await stand.directory.findByIds([reef, jaguar, randomUUID(), reef]);
      expect([...found].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
        { id: jaguar, name: `Jaguar BPO ${tag}`, retired: true },
        { id: reef, name: `Reef Connect ${tag}`, retired: false },
      ]);
      expect(await stand.directory.findByIds([])).toEqual([]);
    });

    it('offers the organisations not retired, by name', async () => {
      const tag = randomUUID().slice(0, 8);
      const zeta = await stand.add(`Zeta Voice ${tag}`);
      const alpha = await stand.add(`Alpha Care ${tag}`);
      const gone = await stand.add(`Gone Ltd ${tag}`);
      await stand.retire(gone);
      const selectable = await stand.directory.selectable();
      const names = selectable.map((o) => o.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
      expect(selectable).toEqual(expect.arrayContaining([{ id: alpha, name: `Alpha Care ${tag}`, retired: false }, { id: zeta, name: `Zeta Voice ${tag}`, retired: false }]));
      expect(selectable.map((o) => o.id)).not.toContain(gone);
      expect(selectable.every((o) => !o.retired)).toBe(true);
    });
  });
}
