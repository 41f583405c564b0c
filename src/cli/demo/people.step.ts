import { ClsService } from 'nestjs-cls';
import { UsersService } from '../../identity/users.service';
import { DemoContext, DemoStep } from './demo-step';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './demo-people';

/** The admin (from ADMIN_EMAIL, made at start-up), two instructors, a reviewer and twelve trainees. */
export const peopleStep: DemoStep = {
  name: 'people',
  async run(ctx: DemoContext) {
    const users = ctx.app.get(UsersService, { strict: false });
    const cls = ctx.app.get(ClsService, { strict: false });
    const admin = ctx.config.ADMIN_EMAIL ? await cls.run(() => users.findByEmail(ctx.config.ADMIN_EMAIL as string)) : null;
    if (admin && ctx.config.ADMIN_PASSWORD) {
      const login = { email: admin.email, password: ctx.config.ADMIN_PASSWORD, roles: admin.roles, displayName: admin.displayName };
      ctx.people.set('admin', { ...login, id: admin.id });
      ctx.logins.push(login);
    }
    let created = 0;
    for (const [index, person] of DEMO_PEOPLE.entries()) {
      const { key, ...fields } = person;
      const existing = await cls.run(() => users.findByEmail(person.email));
      const user = existing ?? (await cls.run(() => users.create({ ...fields, password: DEMO_PASSWORD }, admin?.id ?? null))).user;
      if (!existing) created++;
      const login = { email: person.email, password: DEMO_PASSWORD, roles: person.roles, displayName: person.displayName };
      ctx.people.set(key, { ...login, id: user.id });
      ctx.logins.push(login);
      ctx.log(`  ${existing ? 'kept   ' : 'created'} ${person.roles.join('+').padEnd(10)} ${person.email} (${index + 1}/${DEMO_PEOPLE.length})`);
    }
    ctx.log(`  ${created} people created, ${DEMO_PEOPLE.length - created} already there`);
  },
};
