import { Principal } from '@gds/http';
import { UsersService } from '../../identity/users.service';
import { Organisations } from '../../organisation/organisations.service';
import { TalentProfiles } from '../../talent/talent-profiles.service';
import { CareerFairs } from '../../talent/career-fairs.service';
import { FairBookings } from '../../talent/fair-bookings.service';
import { EmployerScope } from '../../talent/employer-scope.service';
import { principalOf } from './demo-principal';
import { DemoContext, DemoStep } from './demo-step';
import { DEMO_PASSWORD } from './demo-people';

const DAY_MS = 24 * 3600 * 1000;

/** The hiring side of the demo: two fictional digital-services employers, each with one employer user. */
export const DEMO_EMPLOYERS = [
  { key: 'employer-1', organisation: 'Reef Digital Services', email: 'employer1@demo.gds.local', displayName: 'Carla Vernon' },
  { key: 'employer-2', organisation: 'Cayo Cloud Works', email: 'employer2@demo.gds.local', displayName: 'Neville Young' },
] as const;

export const DEMO_FAIR_NAME = 'Belize Digital Careers Fair';

/** Trainees of the pilot who list themselves for employers (opt in). */
const LISTED = [
  { key: 'trainee-1', statement: 'Six years of customer support; now triaging SIEM alerts.', availability: 'immediately', preferredRoles: ['SOC analyst'] },
  { key: 'trainee-2', statement: 'From call-centre metrics to SQL dashboards.', availability: 'within_1_month', preferredRoles: ['Data analyst', 'Reporting analyst'] },
  { key: 'trainee-3', statement: 'I design the flows I used to answer calls about.', availability: 'within_3_months', preferredRoles: ['UX designer'] },
] as const;

/**
 * The talent pipeline of the demo: two employer organisations with their employer users, three
 * pilot trainees listed, and a career fair in two weeks for the pilot cohort with both employers,
 * where the first employer published four meeting slots. Whatever exists already is kept.
 */
export const talentStep: DemoStep = {
  name: 'talent pipeline: employers, listed graduates, a career fair',
  async run(ctx: DemoContext) {
    const organisations = ctx.app.get(Organisations, { strict: false });
    const users = ctx.app.get(UsersService, { strict: false });
    const listed = await organisations.selectable();
    const organisationIds: string[] = [];
    for (const employer of DEMO_EMPLOYERS) {
      const organisationId = listed.find((o) => o.name === employer.organisation)?.id ?? (await organisations.create(employer.organisation)).id;
      organisationIds.push(organisationId);
      const existing = await users.findByEmail(employer.email);
      const user = existing ?? (await users.create({ email: employer.email, displayName: employer.displayName, roles: ['employer'], organisationId, password: DEMO_PASSWORD }, principalOf(ctx, 'admin').userId)).user;
      const login = { email: employer.email, password: DEMO_PASSWORD, roles: ['employer' as const], displayName: employer.displayName };
      ctx.people.set(employer.key, { ...login, id: user.id });
      ctx.logins.push(login);
      ctx.log(`  ${existing ? 'kept   ' : 'created'} employer ${employer.email} of ${employer.organisation}`);
    }
    const profiles = ctx.app.get(TalentProfiles, { strict: false });
    for (const trainee of LISTED) {
      if (!ctx.cohort?.enrollments.has(trainee.key)) continue;
      const { key, ...profile } = trainee;
      await profiles.listMe(principalOf(ctx, key).userId, { ...profile, preferredRoles: [...profile.preferredRoles] });
      ctx.log(`  listed ${key}`);
    }
    await ensureFair(ctx, organisationIds);
  },
};

async function ensureFair(ctx: DemoContext, organisationIds: string[]): Promise<void> {
  const admin = principalOf(ctx, 'admin');
  const fairs = ctx.app.get(CareerFairs, { strict: false });
  if (!ctx.cohort) return;
  const existing = (await fairs.list(admin, { limit: 100 })).items.find((f) => f.name === DEMO_FAIR_NAME);
  ctx.log(`  ${existing ? 'kept   ' : 'created'} career fair "${DEMO_FAIR_NAME}"`);
  if (existing) return;
  const day = new Date(Math.ceil((Date.now() + 14 * DAY_MS) / DAY_MS) * DAY_MS);
  const at = (hours: number) => new Date(day.getTime() + hours * 3600 * 1000).toISOString();
  const fair = await fairs.create(admin.userId, {
    name: DEMO_FAIR_NAME, startsAt: at(14), endsAt: at(20), place: 'Biltmore Plaza, Belize City', onlineUrl: 'https://meet.example.org/gds-fair',
    organisationIds, cohortIds: [ctx.cohort.id],
  });
  const employer: Principal = principalOf(ctx, 'employer-1');
  const actor = await ctx.app.get(EmployerScope, { strict: false }).of(employer);
  const bookings = ctx.app.get(FairBookings, { strict: false });
  for (let slot = 0; slot < 4; slot++) await bookings.publish(employer, actor, fair.id, { startsAt: at(14 + slot * 0.5), endsAt: at(14.5 + slot * 0.5) });
}
