import { Injectable } from '@nestjs/common';
import { AppTransactionHost, Transactional } from '@gds/database';
import { decodeCursor, encodeCursor, notFound, Page, unprocessable } from '@gds/http';
import { UserDirectory } from '../identity/identity.module';
import { OrganisationDirectory } from '../organisation/organisation-directory.contract';
import { TalentProfile } from './talent-profile.entity';
import { lockTalentProfile } from './talent-profile-lock';
import { TalentEvidence, TalentEvidenceReader } from './talent-evidence.service';
import { EmployerAccessLog } from './employer-access-log.service';
import { FairBookings } from './fair-bookings.service';
import type { EmployerActor } from './employer-scope.service';
import type { ListMeDto, MyTalentProfileView, ProfileViewerView, TalentProfileView } from './dto/talent-profile.dto';

/**
 * Talent profiles, opt-in only. The trainee lists themself (saving the profile) and withdraws at
 * once; an employer reads a listed profile only, and every read is logged (the trainee sees who).
 */
@Injectable()
export class TalentProfiles {
  constructor(
    private readonly txHost: AppTransactionHost,
    private readonly evidence: TalentEvidenceReader,
    private readonly users: UserDirectory,
    private readonly organisations: OrganisationDirectory,
    private readonly accessLog: EmployerAccessLog,
    private readonly fairBookings: FairBookings,
  ) {}

  private get repo() {
    return this.txHost.tx.getRepository(TalentProfile);
  }

  /** Lists the trainee (or updates a listed profile), capturing the evidence search uses. */
  @Transactional()
  async listMe(traineeId: string, input: ListMeDto): Promise<MyTalentProfileView> {
    // The trainee's profile lock, then the row, before the evidence is read: a refresh of the
    // searchable evidence (SearchableEvidence) waits for this save, the first one included (no row
    // to lock yet), and then writes what is true after it.
    await lockTalentProfile(this.txHost.tx, traineeId);
    const existing = await this.repo.createQueryBuilder('p').where('p.trainee_id = :traineeId', { traineeId }).setLock('pessimistic_write').getOne();
    const evidence = await this.evidence.of(traineeId);
    if (!evidence) throw unprocessable('nothing-to-list', 'A talent profile shows what a cohort proved: enrol in a cohort first.');
    await this.repo.save(this.repo.create({
      traineeId,
      listed: true,
      statement: input.statement.trim(),
      availability: input.availability,
      preferredRoles: input.preferredRoles.map((r) => r.trim()),
      trackCode: evidence.trackCode,
      cohortId: evidence.cohortId,
      skillCodes: evidence.skills.map((s) => s.code),
      certifiedCourseCodes: [...new Set(evidence.certificates.map((c) => c.courseCode))],
      listedAt: existing?.listed ? existing.listedAt : new Date(),
      withdrawnAt: null,
    }));
    return this.mine(traineeId);
  }

  /**
   * Withdrawal of consent: the profile leaves search and every employer's reach in this
   * transaction, and requests still waiting for an answer end (accepted ones keep their history).
   */
  @Transactional()
  async withdraw(traineeId: string): Promise<MyTalentProfileView> {
    const profile = await this.repo.findOneBy({ traineeId });
    if (!profile) throw notFound('Talent profile');
    if (profile.listed) {
      await this.repo.update({ traineeId }, { listed: false, withdrawnAt: new Date() });
      await this.txHost.tx.query(`UPDATE interview_request SET state = 'ended', updated_at = now() WHERE trainee_id = $1 AND state = 'pending'`, [traineeId]);
      // Fair meetings not yet begun are cancelled, and registrations for fairs not yet begun end
      // (registering needs a listed profile); past meetings and check-ins stay as history. Each
      // meeting's employer is told its time is free (without the name: consent is what ended).
      await this.fairBookings.cancelUpcomingOf(traineeId);
      await this.txHost.tx.query(
        `DELETE FROM career_fair_registration r USING career_fair f
          WHERE f.id = r.fair_id AND r.trainee_id = $1 AND f.starts_at > now()
            AND NOT EXISTS (SELECT 1 FROM fair_booking b WHERE b.fair_id = r.fair_id AND b.trainee_id = r.trainee_id)`,
        [traineeId],
      );
    }
    return this.mine(traineeId);
  }

  async mine(traineeId: string): Promise<MyTalentProfileView> {
    const profile = await this.repo.findOneBy({ traineeId });
    if (!profile) throw notFound('Talent profile');
    const view = await this.render(profile, await this.evidence.of(traineeId), null);
    return {
      ...view,
      listed: profile.listed,
      listedAt: profile.listedAt?.toISOString() ?? null,
      withdrawnAt: profile.withdrawnAt?.toISOString() ?? null,
    };
  }

  /** A listed profile as this employer sees it (404 for one withdrawn or never listed); the view is logged. */
  @Transactional()
  async viewAsEmployer(actor: EmployerActor, traineeId: string): Promise<TalentProfileView> {
    const profile = await this.listed(traineeId);
    await this.accessLog.record(actor, 'profile_view', [traineeId]);
    const accepted: unknown[] = await this.txHost.tx.query(
      `SELECT 1 FROM interview_request WHERE organisation_id = $1 AND trainee_id = $2 AND state = 'accepted' LIMIT 1`,
      [actor.organisationId, traineeId],
    );
    const person = accepted.length > 0 ? await this.users.findById(traineeId) : null;
    return this.render(profile, await this.evidence.of(traineeId), person ? { email: person.email } : null);
  }

  /**
   * A listed profile, for employer reads and writes; anything else is not there for them. Before a
   * write pass `forWrite`: the row is held FOR SHARE to the end of the transaction, so a concurrent
   * withdrawal's UPDATE waits for the write to commit and then ends what it made (or, when the
   * withdrawal came first, this sees it withdrawn).
   */
  async listed(traineeId: string, options: { forWrite?: boolean } = {}): Promise<TalentProfile> {
    const query = this.repo.createQueryBuilder('p').where('p.trainee_id = :traineeId AND p.listed', { traineeId });
    if (options.forWrite) query.setLock('pessimistic_read');
    const profile = await query.getOne();
    if (!profile) throw notFound('Talent profile');
    return profile;
  }

  async viewers(traineeId: string, query: { limit: number; cursor?: string }): Promise<Page<ProfileViewerView>> {
    const after = decodeCursor<{ at: string; id: string }>(query.cursor, ['at', 'id']);
    const rows = await this.accessLog.viewsOf(traineeId, query.limit + 1, after);
    const names = new Map((await this.organisations.findByIds(rows.map((r) => r.organisationId))).map((o) => [o.id, o.name]));
    const items = rows.slice(0, query.limit).map((r) => ({ id: r.id, organisationId: r.organisationId, organisationName: names.get(r.organisationId) ?? '', viewedAt: r.at.toISOString() }));
    const last = rows[query.limit - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.atText, id: last.id }) : null };
  }

  private async render(profile: TalentProfile, evidence: TalentEvidence | null, contact: { email: string } | null): Promise<TalentProfileView> {
    const person = await this.users.findById(profile.traineeId);
    return {
      traineeId: profile.traineeId,
      displayName: person?.displayName ?? '',
      trackCode: evidence?.trackCode ?? profile.trackCode,
      trackName: evidence?.trackName ?? profile.trackCode,
      statement: profile.statement,
      availability: profile.availability,
      preferredRoles: profile.preferredRoles,
      certificates: (evidence?.certificates ?? []).map((c) => ({ ...c, issuedAt: c.issuedAt.toISOString() })),
      skills: (evidence?.skills ?? []).map((s) => ({ ...s, evidence: s.evidence.map((e) => ({ ...e, passedAt: e.passedAt ? new Date(e.passedAt).toISOString() : null })) })),
      contact,
    };
  }
}
