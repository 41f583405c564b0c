import { Injectable } from '@nestjs/common';
import { badRequest, FieldError } from '@gds/http';
import { AppConfig } from '../config/app-config';
import { OrganisationDirectory } from '../organisation/organisation-directory.contract';

/** The value of a category field outside its list. */
export const OTHER_CATEGORY = 'other';

/**
 * District and employer come from controlled lists, never free text: a district from
 * PROFILE_DISTRICTS, an employer as the id of an organisation that is not retired; "other" for both.
 */
@Injectable()
export class ProfileCategories {
  constructor(
    private readonly config: AppConfig,
    private readonly organisations: OrganisationDirectory,
  ) {}

  /** Answers a 400 naming the allowed values when a given district or employer is not listed. */
  async check(changes: { district?: string | null; employer?: string | null }): Promise<void> {
    const errors: FieldError[] = [];
    if (typeof changes.district === 'string' && !this.districts().includes(changes.district)) {
      errors.push({ field: 'district', message: `must be one of: ${this.districts().join(', ')}` });
    }
    if (typeof changes.employer === 'string' && changes.employer !== OTHER_CATEGORY) {
      const listed = await this.organisations.selectable();
      if (!listed.some((o) => o.id === changes.employer)) {
        const names = listed.map((o) => `${o.id} (${o.name})`);
        errors.push({ field: 'employer', message: `must be the id of a listed organisation or "other": ${[...names, OTHER_CATEGORY].join(', ')}` });
      }
    }
    if (errors.length > 0) throw badRequest('category-not-listed', 'Profile categories come from controlled lists.', errors);
  }

  /** The lists a profile form offers; "other" is the value outside both. */
  async options(): Promise<{ districts: string[]; employers: Array<{ id: string; name: string }>; other: typeof OTHER_CATEGORY }> {
    const employers = (await this.organisations.selectable()).map((o) => ({ id: o.id, name: o.name }));
    return { districts: [...this.config.profileDistricts], employers, other: OTHER_CATEGORY };
  }

  districts(): string[] {
    return [...this.config.profileDistricts, OTHER_CATEGORY];
  }
}
