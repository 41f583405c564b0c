/** A skill of the competency framework as other modules may know it. */
export interface SkillRef {
  code: string;
  name: string;
  description: string;
  trackCode: string;
  /** A NICE work role, an SFIA skill code, or null. */
  frameworkRef: string | null;
}

export interface TrackRef {
  code: string;
  name: string;
  description: string;
}

/**
 * Implemented by the course module: names and descriptions of tracks and skills, for modules that
 * show them to people (certification signs them into credentials and prints them on certificates).
 */
export abstract class CompetencyFramework {
  /** The skills with these codes, in the order asked; unknown codes are left out. */
  abstract skillsByCodes(codes: string[]): Promise<SkillRef[]>;
  abstract track(code: string): Promise<TrackRef | null>;
}
