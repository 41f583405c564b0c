import { Injectable } from '@nestjs/common';
import { AppTransactionHost, DirectReads, Transactional } from '@gds/database';
import { User } from './user.entity';
import { UsersService, NewUser } from './users.service';
import type { Role } from './roles';
import type { Language } from './languages';

/** What other modules may know of a person. */
export interface PersonSummary {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  language: Language;
  /** IANA zone the person reads dates in. */
  timeZone: string;
  gender: string | null;
  birthYear: number | null;
  district: string | null;
  employer: string | null;
}

/** A person as a list of people shows them (the roster): a name and an address. */
export type PersonName = Pick<PersonSummary, 'id' | 'email' | 'displayName'>;

export interface Demographics {
  id: string;
  gender: string | null;
  birthYear: number | null;
  district: string | null;
  employer: string | null;
}

/**
 * The identity module's public face for other modules: look people up, and create invited accounts
 * (the cohort CSV import).
 */
@Injectable()
export class UserDirectory {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly users: UsersService,
    private readonly reads: DirectReads,
  ) {}

  async findById(id: string): Promise<PersonSummary | null> {
    return (await this.findByIds([id]))[0] ?? null;
  }

  /** One plain query (rosters and reports ask for hundreds of people at once; no entity hydration). */
  async findByIds(ids: string[]): Promise<PersonSummary[]> {
    if (ids.length === 0) return [];
    return this.reads.query(
      `SELECT id, email, display_name AS "displayName", roles, active, language, time_zone AS "timeZone", gender, birth_year AS "birthYear", district, employer
         FROM app_user WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
  }

  /**
   * Names and addresses only: a roster of 500 asks for 500 people on every visit, and parsing the
   * other columns (the roles array above all) was most of that lookup's cost (issue 23's profile).
   */
  async namesByIds(ids: string[]): Promise<PersonName[]> {
    if (ids.length === 0) return [];
    return this.reads.query('SELECT id, email, display_name AS "displayName" FROM app_user WHERE id = ANY($1::uuid[])', [[...new Set(ids)]]);
  }

  /** People by email, case-insensitively (the index is on lower(email)); the import preview asks for a whole file at once. */
  async findByEmails(emails: string[]): Promise<PersonSummary[]> {
    if (emails.length === 0) return [];
    return this.txHost.tx.query(
      `SELECT id, email, display_name AS "displayName", roles, active, language, time_zone AS "timeZone", gender, birth_year AS "birthYear", district, employer
         FROM app_user WHERE lower(email) = ANY($1::text[])`,
      [[...new Set(emails.map((e) => e.toLowerCase()))]],
    );
  }

  /**
   * The demographic fields of these people, for aggregate reports: only of those whose consent is in
   * force (anyone else's are "not given"); employer is an organisation id or "other".
   */
  async demographicsOf(ids: string[]): Promise<Demographics[]> {
    if (ids.length === 0) return [];
    return this.txHost.tx.query(
      `SELECT u.id, u.gender, u.birth_year AS "birthYear", u.district, u.employer
         FROM app_user u JOIN demographic_consent c ON c.user_id = u.id AND c.withdrawn_at IS NULL
        WHERE u.id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
  }

  /**
   * Which of these ids are active users: one indexed query with an array parameter, no entities,
   * for fan-outs to thousands (the notification module).
   */
  async activeIds(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.txHost.tx.query('SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND active', [[...new Set(ids)]]);
    return rows.map((r) => r.id);
  }

  /** The organisation an active employer user acts for; null for anyone else (the talent pipeline's first check). */
  async employerOrganisationOf(userId: string): Promise<string | null> {
    const rows: Array<{ organisationId: string | null }> = await this.txHost.tx.query(
      `SELECT organisation_id AS "organisationId" FROM app_user WHERE id = $1 AND active AND 'employer' = ANY(roles)`,
      [userId],
    );
    return rows[0]?.organisationId ?? null;
  }

  async findByEmail(email: string): Promise<PersonSummary | null> {
    const user = await this.users.findByEmail(email);
    return user ? toSummary(user) : null;
  }

  /** Active users holding a role (e.g. every admin, to tell them of a disabled webhook). */
  async idsWithRole(role: Role): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.txHost.tx.query('SELECT id FROM app_user WHERE $1 = ANY(roles) AND active', [role]);
    return rows.map((r) => r.id);
  }

  /**
   * Finds the account of an email or creates it and emails its owner an invitation to set a
   * password. Idempotent by email, so importing the same file twice creates (and invites) nobody twice.
   */
  @Transactional()
  async findOrInvite(input: Omit<NewUser, 'password' | 'roles'> & { roles?: Role[] }, actorId: string | null) {
    const existing = await this.users.findByEmail(input.email);
    if (existing) return { person: toSummary(existing), created: false };
    const { user } = await this.users.create({ ...input, roles: input.roles ?? ['trainee'] }, actorId);
    return { person: toSummary(user), created: true };
  }
}

function toSummary(user: User): PersonSummary {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    active: user.active,
    language: user.language,
    timeZone: user.timeZone,
    gender: user.gender,
    birthYear: user.birthYear,
    district: user.district,
    employer: user.employer,
  };
}
