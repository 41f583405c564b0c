import { Injectable } from '@nestjs/common';
import { ProblemException, Principal } from '@gds/http';
import { UserDirectory } from '../identity/identity.module';
import { OrganisationDirectory } from '../organisation/organisation-directory.contract';

/** The employer behind a request: the user and the organisation they act for. */
export interface EmployerActor {
  employerId: string;
  organisationId: string;
  organisationName: string;
}

/**
 * Every employer route starts here: an employer user acts for exactly one organisation that is
 * still listed; without one (it was retired) they may do nothing in the pipeline (403, named).
 */
@Injectable()
export class EmployerScope {
  constructor(
    private readonly users: UserDirectory,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async of(principal: Principal): Promise<EmployerActor> {
    const organisationId = await this.users.employerOrganisationOf(principal.userId);
    const [organisation] = organisationId ? await this.organisations.findByIds([organisationId]) : [];
    if (!organisation || organisation.retired) {
      throw new ProblemException(403, 'employer-without-organisation', 'Forbidden', 'Your account acts for no listed organisation; ask an admin to bind it to one.');
    }
    return { employerId: principal.userId, organisationId: organisation.id, organisationName: organisation.name };
  }
}
