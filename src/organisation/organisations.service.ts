import { Injectable } from '@nestjs/common';
import { AppTransactionHost, DirectReads, isUniqueViolation, namedStatement, NamedStatement, Transactional } from '@gds/database';
import { conflict, decodeCursor, notFound, Page, toPage } from '@gds/http';
import { Organisation } from './organisation.entity';
import { OrganisationDirectory, OrganisationRef } from './organisation-directory.contract';

/** What a list shows of an organisation. */
export type OrganisationListed = Pick<Organisation, 'id' | 'name' | 'retiredAt' | 'createdAt'>;

/**
 * The list's four fixed texts (offered only or retired too; first page or after a cursor), named:
 * every profile screen reads the list, and TypeORM's query builder built and Postgres planned it on
 * every call. Keyset order on the unique lower(name), then id.
 */
const listStatement = (includeRetired: boolean, afterCursor: boolean): NamedStatement =>
  namedStatement(
    `organisation:list${includeRetired ? '-all' : ''}${afterCursor ? '-after' : ''}`,
    `SELECT id, name, retired_at AS "retiredAt", created_at AS "createdAt" FROM organisation
      WHERE ${includeRetired ? 'true' : 'retired_at IS NULL'}${afterCursor ? ' AND (lower(name), id) > (lower($2), $3)' : ''}
      ORDER BY lower(name), id LIMIT $1`,
  );
const LIST = {
  offered: { first: listStatement(false, false), after: listStatement(false, true) },
  all: { first: listStatement(true, false), after: listStatement(true, true) },
};

/** The controlled list of organisations: admins create, rename and retire; everyone reads. */
@Injectable()
export class Organisations extends OrganisationDirectory {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly reads: DirectReads,
  ) {
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

  async list(query: { limit: number; cursor?: string; includeRetired?: boolean }): Promise<Page<OrganisationListed>> {
    const after = decodeCursor<{ name: string; id: string }>(query.cursor, ['name', 'id']);
    const statements = query.includeRetired ? LIST.all : LIST.offered;
    const rows = after
      ? await this.reads.query<OrganisationListed>(statements.after, [query.limit + 1, after.name, after.id])
      : await this.reads.query<OrganisationListed>(statements.first, [query.limit + 1]);
    return toPage(rows, query.limit, (o) => ({ name: o.name, id: o.id }));
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
