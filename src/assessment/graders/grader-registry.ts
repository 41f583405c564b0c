import { Inject, Injectable } from '@nestjs/common';
import { unprocessable } from '@gds/http';
import { Grader } from './grader';
import { QuizGrader } from './quiz.grader';
import { FlagGrader } from './flag.grader';
import { RubricGrader } from './rubric.grader';
import { SqlGrader } from './sql.grader';
import { ConfigGrader } from './config.grader';
import { SANDBOX_PROVIDERS } from '../sandbox/sandbox.providers';
import { DesignCheckPool } from './design-check-pool.service';

export const ASSESSMENT_KINDS = ['quiz', 'flag', 'sql', 'config', 'rubric'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/** The token under which every Grader is collected. */
export const GRADERS = Symbol('GRADERS');

/**
 * The grader classes of this build. To plug in another kind (the SQL and config graders), add its
 * class here: it becomes a provider and joins GRADERS. A kind with no grader answers 422
 * `grader-unavailable` at authoring and submission.
 */
export const GRADER_CLASSES = [QuizGrader, FlagGrader, RubricGrader, SqlGrader, ConfigGrader];

export const GRADER_PROVIDERS = [
  ...SANDBOX_PROVIDERS,
  DesignCheckPool,
  ...GRADER_CLASSES,
  { provide: GRADERS, useFactory: (...graders: Grader[]) => graders, inject: GRADER_CLASSES },
];

@Injectable()
export class GraderRegistry {
  private readonly byKind = new Map<string, Grader>();

  constructor(@Inject(GRADERS) graders: Grader[]) {
    for (const grader of graders) {
      if (this.byKind.has(grader.kind)) throw new Error(`Two graders for kind "${grader.kind}"`);
      this.byKind.set(grader.kind, grader);
    }
  }

  /** The grader of a kind, or a 422 when this build has none. */
  get(kind: string): Grader {
    const grader = this.byKind.get(kind);
    if (!grader) throw unprocessable('grader-unavailable', `No grader for "${kind}" assessments is installed.`);
    return grader;
  }

  has(kind: string): boolean {
    return this.byKind.has(kind);
  }
}
