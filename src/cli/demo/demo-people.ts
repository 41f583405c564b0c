/** The demo's people: Filipino BPO professionals moving into digital roles, and their staff. */
export const DEMO_PASSWORD = 'gds-demo-password-2026';

export interface DemoPerson {
  key: string;
  email: string;
  displayName: string;
  roles: Array<'admin' | 'instructor' | 'trainee' | 'reviewer'>;
  gender?: 'female' | 'male' | 'non_binary' | 'prefer_not_to_say';
  birthYear?: number;
  district?: string;
  employer?: string;
}

const trainee = (n: number, displayName: string, gender: DemoPerson['gender'], birthYear: number, district: string, employer: string): DemoPerson => ({
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
  { key: 'instructor-1', email: 'instructor1@demo.gds.local', displayName: 'Maria Santos', roles: ['instructor'], gender: 'female', birthYear: 1986, district: 'Quezon City' },
  { key: 'instructor-2', email: 'instructor2@demo.gds.local', displayName: 'Jose Reyes', roles: ['instructor'], gender: 'male', birthYear: 1982, district: 'Cebu City' },
  { key: 'reviewer-1', email: 'reviewer@demo.gds.local', displayName: 'Consortium Reviewer', roles: ['reviewer'] },
  trainee(1, 'Angelica Dela Cruz', 'female', 1996, 'Quezon City', 'Concentrix'),
  trainee(2, 'Mark Anthony Bautista', 'male', 1993, 'Pasig', 'Teleperformance'),
  trainee(3, 'Kristine Mae Garcia', 'female', 1998, 'Makati', 'TaskUs'),
  trainee(4, 'John Paul Mendoza', 'male', 1991, 'Taguig', 'Alorica'),
  trainee(5, 'Rhea Villanueva', 'female', 1995, 'Cebu City', 'Accenture'),
  trainee(6, 'Carlo Ramos', 'male', 1999, 'Mandaluyong', 'TTEC'),
  trainee(7, 'Jasmine Aquino', 'female', 1994, 'Davao City', 'Foundever'),
  trainee(8, 'Paolo Fernandez', 'non_binary', 1997, 'Iloilo City', 'Startek'),
  trainee(9, 'Liza Castillo', 'female', 1989, 'Bacolod', 'Concentrix'),
  trainee(10, 'Ramon Torres', 'male', 1990, 'Manila', 'Teleperformance'),
  trainee(11, 'Grace Navarro', 'prefer_not_to_say', 2000, 'Quezon City', 'TaskUs'),
  trainee(12, 'Miguel Soriano', 'male', 1992, 'Cebu City', 'Alorica'),
];
