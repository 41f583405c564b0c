import type { Principal } from '@gds/http';
import { DemoContext } from './demo-step';

/** The principal of a person made by the people step (the seed acts as them through the services). */
export function principalOf(ctx: DemoContext, key: string): Principal {
  const person = ctx.people.get(key);
  if (!person) throw new Error(`seed:demo: no person "${key}" (the people step runs first; is ADMIN_EMAIL set?)`);
  return { userId: person.id, roles: person.roles };
}
