import { ClsService } from 'nestjs-cls';
import { UsersService } from '../../identity/users.service';
import { CURRENT_CONSENT_VERSION } from '../../identity/consent-purposes';
import { Organisations } from '../../organisation/organisations.service';
import { DemoContext, DemoStep } from './demo-step';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PEOPLE } from './demo-people';

/**
 * The demo's employer organisations (fictional BPO firms), then the admin (from ADMIN_EMAIL, made at
 * start-up), two instructors, a reviewer and twelve trainees, who consent to the purpose text in
 * force when their demographic fields are recorded.
 */
export const peopleStep: DemoStep = {
  name: 'organisations and people',
  async run(ctx: DemoContext) {
    const users = ctx.app.get(UsersService, { strict: false });
    const cls = ctx.app.get(ClsService, { strict: false });
    const organisationIds = await cls.run(() => ensureOrganisations(ctx));
    const admin = ctx.config.ADMIN_EMAIL ? await cls.run(() => users.findByEmail(ctx.config.ADMIN_EMAIL as string)) : null;
    if (admin && ctx.config.ADMIN_PASSWORD) {
      const login = { email: admin.email, password: ctx.config.ADMIN_PASSWORD, roles: admin.roles, displayName: admin.displayName };
      ctx.people.set('admin', { ...login, id: admin.id });
      ctx.logins.push(login);
    }
    let created = 0;
    for (const [index, person] of DEMO_PEOPLE.entries()) {
      const { key, employer, ...fields } = person;
      const profile = { ...fields, employer: employer && organisationIds.get(employer), consentVersion: fields.gender ? CURRENT_CONSENT_VERSION : undefined };
      const existing = await cls.run(() => users.findByEmail(person.email));
      const user = existing ?? (await cls.run(() => users.create({ ...profile, password: DEMO_PASSWORD }, admin?.id ?? null))).user;
      if (!existing) created++;
      const login = { email: person.email, password: DEMO_PASSWORD, roles: person.roles, displayName: person.displayName };
      ctx.people.set(key, { ...login, id: user.id });
      ctx.logins.push(login);
      ctx.log(`  ${existing ? 'kept   ' : 'created'} ${person.roles.join('+').padEnd(10)} ${person.email} (${index + 1}/${DEMO_PEOPLE.length})`);
    }
    ctx.log(`  ${created} people created, ${DEMO_PEOPLE.length - created} already there`);
  },
};

/** Finds each demo organisation by name or adds it; answers their ids by name. */
async function ensureOrganisations(ctx: DemoContext): Promise<Map<string, string>> {
  const organisations = ctx.app.get(Organisations, { strict: false });
  const listed = await organisations.selectable();
  const ids = new Map<string, string>();
  for (const name of DEMO_ORGANISATIONS) {
    const found = listed.find((o) => o.name.toLowerCase() === name.toLowerCase());
    ids.set(name, found?.id ?? (await organisations.create(name)).id);
    ctx.log(`  ${found ? 'kept   ' : 'created'} organisation ${name}`);
  }
  return ids;
}
