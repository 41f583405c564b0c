/**
 * The purpose texts a trainee consents to before giving demographic fields (gender, birth year,
 * district, employer). A text once published is never edited: a change is a new version, and the
 * consent records the version the trainee saw.
 */
export const CONSENT_PURPOSES: ReadonlyArray<{ version: number; text: string }> = [
  {
    version: 1,
    text:
      'GDS Academy asks for your gender, birth year, district and employer only to report to the consortium and its funder, ' +
      'in aggregate, how training outcomes differ between groups (for example women and young people). Reports never name ' +
      'you or any group of fewer than a few trainees. Giving them is optional; you can withdraw this consent at any time, ' +
      'and the fields are then deleted and left out of every later report.',
  },
];

export const CURRENT_CONSENT_VERSION = CONSENT_PURPOSES[CONSENT_PURPOSES.length - 1].version;

export const DEMOGRAPHIC_FIELDS = ['gender', 'birthYear', 'district', 'employer'] as const;
