import { Injectable } from '@nestjs/common';
import { AppTransactionHost, isUniqueViolation, Transactional } from '@gds/database';
import { conflict, decodeCursor, notFound, Page, toPage } from '@gds/http';
import { Organisation } from './organisation.entity';
import { OrganisationDirectory, OrganisationRef } from './organisation-directory.contract';

/** The controlled list of organisations: admins create, rename and retire; everyone reads. */
@Injectable()
export class Organisations extends OrganisationDirectory {
  constructor(private readonly txHost: AppTransactionHost) {
    super();
  }

  private get repo() {
    return this.txHost.tx.getRepository(Organisation);
  }

  @Transactional()
  async create(name: string): Promise<Organisation> {
    try {
      const row = await this.repo.save(this.repo.create({ name: name.trim(), retiredAt: null }));
      return row;
    } catch (error) {
      throw this.nameTaken(error);
    }
  }

  async list(query: { limit: number; cursor?: string; includeRetired?: boolean }): Promise<Page<Organisation>> {
    const after = decodeCursor<{ name: string; id: string }>(query.cursor, ['name', 'id']);
    const qb = this.repo.createQueryBuilder('o').orderBy('lower(o.name)', 'ASC').addOrderBy('o.id', 'ASC').limit(query.limit + 1);
    if (!query.includeRetired) qb.andWhere('o.retired_at IS NULL');
    if (after) qb.andWhere('(lower(o.name), o.id) > (lower(:name), :id)', after);
    return toPage(await qb.getMany(), query.limit, (o) => ({ name: o.name, id: o.id }));
  }

  @Transactional()
  async rename(id: string, name: string): Promise<Organisation> {
    const row = await this.get(id);
    row.name = name.trim();
    try {
      return await this.repo.save(row);
    } catch (error) {
      throw this.nameTaken(error);
    }
  }

  /** Retiring twice is a no-op; profiles that name it keep it, new ones cannot choose it. */
  @Transactional()
  async retire(id: string): Promise<Organisation> {
    const row = await this.get(id);
    if (!row.retiredAt) {
      row.retiredAt = new Date();
      await this.repo.save(row);
    }
    return row;
  }

  async get(id: string): Promise<Organisation> {
    const row = await this.repo.findOneBy({ id });
    if (!row) throw notFound('Organisation');
    return row;
  }

  async findByIds(ids: string[]): Promise<OrganisationRef[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string; name: string; retired: boolean }> = await this.txHost.tx.query(
      'SELECT id, name, retired_at IS NOT NULL AS retired FROM organisation WHERE id = ANY($1::uuid[])',
      [[...new Set(ids)]],
    );
    return rows;
  }

  async selectable(): Promise<OrganisationRef[]> {
    return this.txHost.tx.query('SELECT id, name, false AS retired FROM organisation WHERE retired_at IS NULL ORDER BY lower(name), id');
  }

  private nameTaken(error: unknown): unknown {
    return isUniqueViolation(error, 'organisation_name_lower_key') ? conflict('organisation-name-taken', 'An organisation with this name exists already.') : error;
  }
}
