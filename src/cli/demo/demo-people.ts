import type { Role } from '@gds/http';

/** The demo's people: Belizean BPO professionals moving into digital roles, and their staff. Every name is fictional. */
export const DEMO_PASSWORD = 'gds-demo-password-2026';

/** Fictional BPO firms, the employers' controlled list of the demo (organisations). */
export const DEMO_ORGANISATIONS = ['Barrier Reef Connect', 'Jaguar Contact Solutions', 'Maya Mountain BPO', 'Caribbean Shores Support'] as const;
export type DemoOrganisation = (typeof DEMO_ORGANISATIONS)[number];

export interface DemoPerson {
  key: string;
  email: string;
  displayName: string;
  roles: Role[];
  gender?: 'female' | 'male' | 'non_binary' | 'prefer_not_to_say';
  birthYear?: number;
  /** One of Belize's six districts. */
  district?: string;
  /** A demo organisation, by name (the people step puts its id in the profile). */
  employer?: DemoOrganisation;
}

const trainee = (n: number, displayName: string, gender: DemoPerson['gender'], birthYear: number, district: string, employer: DemoOrganisation): DemoPerson => ({
  key: `trainee-${n}`,
  email: `trainee${n}@demo.gds.local`,
  displayName,
  roles: ['trainee'],
  gender,
  birthYear,
  district,
  employer,
});

export const DEMO_PEOPLE: DemoPerson[] = [
  { key: 'instructor-1', email: 'instructor1@demo.gds.local', displayName: 'Marisol Gonzalez', roles: ['instructor'], gender: 'female', birthYear: 1986, district: 'Belize' },
  { key: 'instructor-2', email: 'instructor2@demo.gds.local', displayName: 'Dwight Flowers', roles: ['instructor'], gender: 'male', birthYear: 1982, district: 'Cayo' },
  { key: 'reviewer-1', email: 'reviewer@demo.gds.local', displayName: 'Consortium Reviewer', roles: ['reviewer'] },
  trainee(1, 'Shanice Young', 'female', 1996, 'Belize', 'Barrier Reef Connect'),
  trainee(2, 'Luis Chan', 'male', 1993, 'Cayo', 'Jaguar Contact Solutions'),
  trainee(3, 'Yesenia Pech', 'female', 1998, 'Orange Walk', 'Maya Mountain BPO'),
  trainee(4, 'Kareem Gentle', 'male', 1991, 'Belize', 'Barrier Reef Connect'),
  trainee(5, 'Andrea Tillett', 'female', 1995, 'Belize', 'Caribbean Shores Support'),
  trainee(6, 'Rodrigo Coc', 'male', 1999, 'Toledo', 'Jaguar Contact Solutions'),
  trainee(7, 'Imani Arnold', 'female', 1994, 'Cayo', 'Barrier Reef Connect'),
  trainee(8, 'Jordan Nunez', 'non_binary', 1997, 'Stann Creek', 'Caribbean Shores Support'),
  trainee(9, 'Marcela Castillo', 'female', 1989, 'Corozal', 'Maya Mountain BPO'),
  trainee(10, 'Dwayne Usher', 'male', 1990, 'Belize', 'Jaguar Contact Solutions'),
  trainee(11, 'Keisha Martinez', 'prefer_not_to_say', 2000, 'Cayo', 'Barrier Reef Connect'),
  trainee(12, 'Ernesto Cal', 'male', 1992, 'Orange Walk', 'Maya Mountain BPO'),
];
