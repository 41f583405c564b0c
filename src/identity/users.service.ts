import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { AppTransactionHost, DirectReads, isUniqueViolation, namedStatement, Transactional } from '@gds/database';
import { conflict, notFound, Page, ProblemException, toPage, decodeCursor, decodeMicrosecondCursor, microsecondKey, unprocessable } from '@gds/http';
import { Outbox } from '@gds/queue';
import { User } from './user.entity';
import { RoleChange } from './role-change.entity';
import { Invitation } from './invitation.entity';
import { PasswordHasher } from './password-hasher';
import { RefreshTokens } from './refresh-tokens.service';
import { AccountPasswords } from './account-passwords.service';
import type { Role } from './roles';
import type { Language } from './languages';
import type { ProfileFieldsDto } from './dto/user.dto';
import { ProfileCategories } from './profile-categories.service';
import { DemographicConsents } from './demographic-consents.service';
import { OrganisationDirectory } from '../organisation/organisation-directory.contract';
import { PROFILE_SELECT } from './profile-columns';
import { AccessStandingChanges } from './access-standing-changes';

const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export interface NewUser extends ProfileFieldsDto {
  email: string;
  displayName: string;
  roles: Role[];
  password?: string;
  language?: Language;
  /** Required with the employer role, refused without it. */
  organisationId?: string;
}

/** An invitation on its way: the worker emails its link (the token is never answered by the API). */
export interface SentInvitation {
  id: string;
  expiresAt: Date;
}

/** The profile read where the access check did not read it already: a named statement (parsed once per connection). */
const PROFILE_BY_ID = namedStatement('identity:profile-by-id', `SELECT ${PROFILE_SELECT} FROM app_user WHERE id = $1`);

/** A user as a sign-in reads them: the session's fields, whether active, and the password hash to check. */
export type SignInUser = Pick<User, 'id' | 'displayName' | 'roles' | 'language' | 'active' | 'passwordHash'>;

/**
 * POST /auth/login's read, a named statement (parsed once per connection) with only the columns a
 * session needs: through the unique index app_user_email_lower_key, as the entity query it replaced.
 */
const SIGN_IN_BY_EMAIL = namedStatement(
  'identity:sign-in-by-email',
  `SELECT id, display_name AS "displayName", roles, language, active, password_hash AS "passwordHash" FROM app_user WHERE lower(email) = lower($1)`,
);

const invalidInvitation = () => unprocessable('invalid-invitation', 'The invitation is not valid or has expired.');

/** The fields a person changes on their own profile, and their columns (names fixed here, never from input). */
type ProfileChanges = Partial<Pick<User, 'displayName' | 'language' | 'timeZone' | 'gender' | 'birthYear' | 'district' | 'employer'>> & { consentVersion?: number };

const PROFILE_COLUMNS = [
  ['displayName', 'display_name'], ['language', 'language'], ['timeZone', 'time_zone'], ['gender', 'gender'], ['birthYear', 'birth_year'], ['district', 'district'], ['employer', 'employer'],
] as const;

/**
 * PATCH /me's usual statement, one fixed text for any set of fields (a named statement, parsed once
 * per connection): $4 names the fields given, each column keeps its value unless named. Guarded by
 * the consent rule in SQL (DemographicConsents.standsSql: $2 the version given, $3 whether
 * demographic values are given). With demographic values the consent subquery alone is not enough:
 * it reads the statement's snapshot, and an UPDATE that waited for a withdrawal's lock on the row is
 * re-checked (READ COMMITTED) against the row the withdrawal wrote, with that snapshot still saying
 * "in force". A withdrawal always writes the user's row (DemographicConsents.withdraw), so the
 * statement also requires the row it updates to be the version its snapshot saw (`xmin`): after
 * such a wait the newest version's xmin is the withdrawal's, and the statement writes nothing.
 * bench/findings/writes.md has the case analysis; test/one-statement-writes.e2e-spec.ts races it.
 * Only an active account: an UPDATE that waited for an erasure's lock is re-checked against the
 * pseudonymised row (active = false) and must not write the old name back onto it (the transaction
 * below then answers 401, as the access check does for an inactive account).
 */
const OWN_PROFILE_UPDATE = namedStatement(
  'identity:update-own-profile',
  `WITH updated AS (
     UPDATE app_user SET ${PROFILE_COLUMNS.map(([field, column], i) => `${column} = CASE WHEN '${field}' = ANY($4::text[]) THEN $${i + 5} ELSE ${column} END, `).join('')}updated_at = now()
      WHERE id = $1 AND active AND ${DemographicConsents.standsSql('$1', '$2', '$3')}
        AND (NOT $3::bool OR xmin = (SELECT seen.xmin FROM app_user seen WHERE seen.id = $1))
      RETURNING *
   )
   SELECT ${PROFILE_SELECT} FROM updated`,
);

/** Users, their roles and the audit of role changes. */
@Injectable()
export class UsersService {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokens,
    private readonly outbox: Outbox,
    private readonly passwords: AccountPasswords,
    private readonly categories: ProfileCategories,
    private readonly consents: DemographicConsents,
    private readonly organisations: OrganisationDirectory,
    private readonly reads: DirectReads,
    private readonly standing: AccessStandingChanges,
  ) {}

  private get users() {
    return this.txHost.tx.getRepository(User);
  }

  /**
   * Creates a user; without a password, also an invitation, emailed to the user. The input is
   * checked and the password hashed before the transaction: argon2id is slow on purpose, and a
   * transaction would hold a pool connection all that time (see AuthService.login).
   */
  async create(input: NewUser, actorId: string | null): Promise<{ user: User; invitation?: SentInvitation }> {
    await this.categories.check(input);
    this.consents.checkVersion(input.consentVersion);
    const passwordHash = input.password ? await this.hasher.hash(input.password) : null;
    return this.insertNew(input, passwordHash, actorId);
  }

  @Transactional()
  private async insertNew(input: NewUser, passwordHash: string | null, actorId: string | null): Promise<{ user: User; invitation?: SentInvitation }> {
    const id = randomUUID();
    const organisationId = await this.employerOrganisation(input.roles, input.organisationId, null);
    try {
      await this.users.insert({
        id,
        email: input.email.trim(),
        displayName: input.displayName.trim(),
        passwordHash,
        roles: input.roles,
        gender: input.gender ?? null,
        birthYear: input.birthYear ?? null,
        district: input.district ?? null,
        employer: input.employer ?? null,
        organisationId,
        ...(input.language ? { language: input.language } : {}),
      });
    } catch (error) {
      if (isUniqueViolation(error, 'app_user_email_lower_key')) {
        throw conflict('email-taken', 'An account with this email already exists.');
      }
      throw error;
    }
    await this.consents.requireFor(id, { ...input }, input.consentVersion);
    await this.audit(id, actorId, 'create', [], input.roles, null);
    const invitation = passwordHash ? undefined : await this.invite(id);
    return { user: await this.get(id), invitation };
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('User');
    return user;
  }

  /**
   * The profile as the API shows it, in one plain query: GET /me is the hottest read of the API and
   * entity hydration costs a measurable share of it (bench scenario `me`); on the pool outside a
   * transaction (DirectReads).
   */
  async profile(id: string): Promise<UserProfileRow> {
    const rows = await this.reads.query<UserProfileRow>(PROFILE_BY_ID, [id]);
    if (rows.length === 0) throw notFound('User');
    return rows[0];
  }

  /** The sign-in's one read (an unknown email answers null): what a session needs, with the hash to check. */
  async findSignIn(email: string): Promise<SignInUser | null> {
    const rows = await this.reads.query<SignInUser>(SIGN_IN_BY_EMAIL, [email.trim()]);
    return rows[0] ?? null;
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: email.trim() }).getOne();
  }

  async list(query: { limit: number; cursor?: string; role?: Role; q?: string; email?: string }): Promise<Page<User>> {
    const after = decodeCursor<{ email: string; id: string }>(query.cursor, ['email', 'id']);
    const qb = this.users.createQueryBuilder('u').orderBy('lower(u.email)', 'ASC').addOrderBy('u.id', 'ASC').limit(query.limit + 1);
    if (query.role) qb.andWhere(':role = ANY(u.roles)', { role: query.role });
    if (query.q) qb.andWhere("(u.email ILIKE :q ESCAPE '\\' OR u.display_name ILIKE :q ESCAPE '\\')", { q: `%${escapeLike(query.q)}%` });
    // lower(email) is what the unique index app_user_email_lower_key holds: an index lookup, not a scan. (Not :email, the cursor's.)
    if (query.email) qb.andWhere('lower(u.email) = lower(:exactEmail)', { exactEmail: query.email });
    if (after) qb.andWhere('(lower(u.email), u.id) > (lower(:email), :id)', after);
    const rows = await qb.getMany();
    return toPage(rows, query.limit, (u) => ({ email: u.email, id: u.id }));
  }

  /**
   * PATCH /me in one statement when the consent rule settles it as it stands (OWN_PROFILE_UPDATE):
   * outside a transaction, no BEGIN, lock, consent read and COMMIT round trips (issue 23: the load
   * run's PATCH gives a district under the consent in force; five statements, now one). Anything it
   * does not settle — a new consent version to record, a refusal to answer, an unknown user, a row
   * written since its snapshot — takes the transaction below, which records or refuses.
   */
  async updateProfile(id: string, { consentVersion, ...changes }: ProfileChanges): Promise<UserProfileRow> {
    await this.categories.check(changes);
    this.consents.checkVersion(consentVersion);
    const giving = this.consents.givesDemographics(changes);
    const given = PROFILE_COLUMNS.filter(([field]) => changes[field] !== undefined).map(([field]) => field);
    const values = PROFILE_COLUMNS.map(([field]) => changes[field] ?? null);
    const rows = await this.reads.write<UserProfileRow>(OWN_PROFILE_UPDATE, [id, consentVersion ?? null, giving, given, ...values]);
    return rows[0] ?? this.updateProfileWithConsent(id, changes, consentVersion);
  }

  @Transactional()
  private async updateProfileWithConsent(id: string, changes: Omit<ProfileChanges, 'consentVersion'>, consentVersion: number | undefined): Promise<UserProfileRow> {
    // The row first, as withdrawal does: a withdrawal in flight commits before the consent is read
    // below (a new snapshot under READ COMMITTED), and one that starts later waits for this commit.
    // NO KEY UPDATE, not UPDATE: rows referring to the user (inserts checking their foreign key) need not wait.
    const [locked]: Array<{ active: boolean }> = await this.txHost.tx.query('SELECT active FROM app_user WHERE id = $1 FOR NO KEY UPDATE', [id]);
    if (!locked) throw notFound('User');
    // The row as it is after any wait: an account deactivated or erased meanwhile is refused as the access check refuses it.
    if (!locked.active) throw new ProblemException(401, 'unauthorized', 'Unauthorized', 'This account is not active.');
    await this.consents.requireFor(id, changes, consentVersion);
    const given = PROFILE_COLUMNS.filter(([field]) => changes[field] !== undefined);
    const rows: UserProfileRow[] = await this.txHost.tx.query(
      `WITH updated AS (
         UPDATE app_user SET ${given.map(([, column], i) => `${column} = $${i + 2}, `).join('')}updated_at = now() WHERE id = $1 AND active RETURNING *
       )
       SELECT ${PROFILE_SELECT} FROM updated`,
      [id, ...given.map(([field]) => changes[field])],
    );
    if (rows.length === 0) throw notFound('User');
    return rows[0];
  }

  @Transactional()
  async changeRoles(id: string, roles: Role[], actorId: string, reason?: string, organisationId?: string): Promise<User> {
    const user = await this.lockedUser(id);
    if (id === actorId && user.roles.includes('admin') && !roles.includes('admin')) {
      throw unprocessable('last-admin', 'You cannot remove your own admin role.');
    }
    const organisation = await this.employerOrganisation(roles, organisationId, user.organisationId);
    await this.users.update(id, { roles, organisationId: organisation });
    this.standing.changed(id);
    await this.audit(id, actorId, 'roles', user.roles, roles, reason ?? null);
    return this.get(id);
  }

  /** Deactivation stops every token at once: access tokens check `active`, refresh tokens are revoked. */
  @Transactional()
  async setActive(id: string, active: boolean, actorId: string, reason?: string): Promise<User> {
    const user = await this.lockedUser(id);
    if (!active && id === actorId) throw unprocessable('self-deactivation', 'You cannot deactivate your own account.');
    if (user.active !== active) {
      await this.users.update(id, { active });
      this.standing.changed(id);
      await this.audit(id, actorId, active ? 'reactivate' : 'deactivate', user.roles, user.roles, reason ?? null);
      if (!active) await this.refreshTokens.revokeAllOf(id);
    }
    return this.get(id);
  }

  /**
   * Newest first, a keyset page by (changed_at, id) read through role_change_user_keyset_idx: the
   * trail only grows. The id breaks ties (several changes in one transaction share their time).
   */
  async roleHistory(id: string, query: { limit: number; cursor?: string }): Promise<Page<RoleChange>> {
    const after = decodeMicrosecondCursor(query.cursor);
    await this.get(id);
    const rows: Array<RoleChange & { cursorAt: string }> = await this.txHost.tx.query(
      `SELECT id, user_id AS "userId", actor_id AS "actorId", action, roles_before AS "rolesBefore", roles_after AS "rolesAfter", reason,
              changed_at AS "changedAt", ${microsecondKey('changed_at')} AS "cursorAt"
         FROM role_change
        WHERE user_id = $1 AND ($2::timestamptz IS NULL OR (changed_at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY changed_at DESC, id DESC LIMIT $4`,
      [id, after?.at ?? null, after?.id ?? null, query.limit + 1],
    );
    const page = toPage(rows, query.limit, (r) => ({ at: r.cursorAt, id: r.id }));
    return { items: page.items.map(({ cursorAt: _, ...change }) => change), nextCursor: page.nextCursor };
  }

  async countAdmins(): Promise<number> {
    return this.users.createQueryBuilder('u').where("'admin' = ANY(u.roles) AND u.active").getCount();
  }

  /**
   * A new invitation, emailed by the worker (`send-account-email`), which chooses the link's secret
   * as it sends: no token exists until then, and none is ever answered, stored or queued.
   */
  @Transactional()
  async invite(userId: string): Promise<SentInvitation> {
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    await this.txHost.tx.getRepository(Invitation).insert({ id, userId, secretHash: null, expiresAt });
    await this.outbox.publish('send-account-email', { kind: 'invitation', id });
    return { id, expiresAt };
  }

  /**
   * Sends a new one-time invitation to an existing account (imported trainees, lost invitations):
   * earlier unaccepted invitations of the account stop working.
   */
  @Transactional()
  async reinvite(userId: string): Promise<SentInvitation> {
    const user = await this.lockedUser(userId);
    if (!user.active) throw unprocessable('inactive-account', 'Reactivate the account before inviting its owner.');
    await this.txHost.tx.query('UPDATE invitation SET expires_at = now() WHERE user_id = $1 AND accepted_at IS NULL AND expires_at > now()', [userId]);
    return this.invite(userId);
  }

  /**
   * Sets the password of an invited account. Hashed before the transaction, as a reset is (see
   * PasswordResets.complete), and only for an invitation that looks acceptable.
   */
  async acceptInvitation(token: string, password: string): Promise<User> {
    const [id, secret] = token.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/i.test(id)) throw invalidInvitation();
    const usable: unknown[] = await this.txHost.tx.query(
      'SELECT 1 FROM invitation WHERE id = $1 AND secret_hash = $2 AND accepted_at IS NULL AND expires_at > now()',
      [id, sha256(secret)],
    );
    if (usable.length === 0) throw invalidInvitation();
    return this.claimInvitation(id, sha256(secret), await this.passwords.hash(password));
  }

  @Transactional()
  private async claimInvitation(id: string, secretHash: string, passwordHash: string): Promise<User> {
    const claimed = await this.txHost.tx.query(
      `UPDATE invitation SET accepted_at = now()
        WHERE id = $1 AND secret_hash = $2 AND accepted_at IS NULL AND expires_at > now() RETURNING user_id`,
      [id, secretHash],
    );
    const row = claimed[0][0];
    if (!row) throw invalidInvitation();
    // As a reset does: any session of the account ends, other pending links stop working.
    await this.passwords.setHash(row.user_id, passwordHash);
    return this.get(row.user_id);
  }

  /**
   * An employer user acts for exactly one listed, not retired organisation; nobody else has one
   * (the table's check constraint says the same). `kept` is the one an existing user has.
   */
  private async employerOrganisation(roles: Role[], organisationId: string | undefined, kept: string | null): Promise<string | null> {
    if (!roles.includes('employer')) {
      if (organisationId) throw unprocessable('organisation-without-employer-role', 'Only employer users act for an organisation: add the employer role or leave out organisationId.', { errors: [{ field: 'organisationId', message: 'needs the employer role' }] });
      return null;
    }
    const chosen = organisationId ?? kept;
    if (!chosen) throw unprocessable('employer-needs-organisation', 'An employer user acts for one organisation: give organisationId.', { errors: [{ field: 'organisationId', message: 'is required with the employer role' }] });
    if (chosen === kept) return chosen;
    const [organisation] = await this.organisations.findByIds([chosen]);
    if (!organisation || organisation.retired) throw unprocessable('unknown-organisation', 'organisationId names no listed organisation (GET /api/v1/organisations).', { errors: [{ field: 'organisationId', message: 'is not a listed organisation' }] });
    return chosen;
  }

  private async lockedUser(id: string): Promise<User> {
    const user = await this.users.createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
    if (!user) throw notFound('User');
    return user;
  }

  private async audit(userId: string, actorId: string | null, action: RoleChange['action'], before: Role[], after: Role[], reason: string | null) {
    await this.txHost.tx.getRepository(RoleChange).insert({ userId, actorId, action, rolesBefore: before, rolesAfter: after, reason });
  }
}

export type UserProfileRow = Pick<User, 'id' | 'email' | 'displayName' | 'roles' | 'active' | 'language' | 'timeZone' | 'gender' | 'birthYear' | 'district' | 'employer' | 'organisationId' | 'createdAt'>;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
