import { Injectable, Logger } from '@nestjs/common';
import { badRequest, Principal, ProblemException, unprocessable } from '@gds/http';
import { AssessmentAuthoring } from './assessment-authoring.service';
import { Attempts, attemptsExhausted } from './attempts.service';
import { InstructorAssessments } from './instructor-assessments.service';
import { GradingKeyError } from './graders/grader';
import { GraderRegistry } from './graders/grader-registry';
import { SqlGrader } from './graders/sql.grader';
import { ConfigGrader } from './graders/config.grader';
import { SqlAnswer, SqlKey } from './graders/sql-key';
import { ConfigAnswer, ConfigKey } from './graders/config-rules';
import { TrialRunView } from './dto/trial-run.dto';
import { holdsNul } from './jsonb-text';
import { SandboxDatasets } from './sandbox-datasets.service';

const TRIED_KINDS = new Set(['sql', 'config']);

/**
 * Try before submitting: runs an SQL or config answer with the exercise's key, sandbox and limits,
 * and answers the rows or the rule findings. No grade, no expected rows, no key, no attempt, nothing
 * stored. Trainees may try what they could submit (active enrollment, not past a refusing due date,
 * attempts left); editors try the draft's key and cohort instructors their cohorts' frozen copy.
 */
@Injectable()
export class TrialRuns {
  private readonly logger = new Logger(TrialRuns.name);

  constructor(
    private readonly authoring: AssessmentAuthoring,
    private readonly instructors: InstructorAssessments,
    private readonly attempts: Attempts,
    private readonly graders: GraderRegistry,
    private readonly sql: SqlGrader,
    private readonly config: ConfigGrader,
    private readonly datasets: SandboxDatasets,
  ) {}

  async run(assessmentId: string, rawAnswer: Record<string, unknown>, principal: Principal): Promise<TrialRunView> {
    const { kind, key } = await this.keyFor(assessmentId, principal);
    if (!TRIED_KINDS.has(kind)) throw unprocessable('trial-run-unsupported', `Trial runs are for SQL and configuration exercises; this is a ${kind} assessment.`);
    if (holdsNul(rawAnswer)) throw badRequest('invalid-answer', 'The answer holds a NUL character (\\u0000), which no answer may contain.');
    const answer = this.graders.get(kind).validateAnswer(rawAnswer, key);
    try {
      return kind === 'sql' ? await this.trySql(assessmentId, key as SqlKey, answer as SqlAnswer) : this.tryConfig(assessmentId, key as ConfigKey, answer as ConfigAnswer);
    } catch (error) {
      if (error instanceof ProblemException) throw error;
      if (error instanceof GradingKeyError) throw unprocessable('exercise-unavailable', 'This exercise cannot run answers: its dataset or reference does not load. Its instructors can fix the key.');
      this.logger.warn({ msg: 'trial run failed', assessmentId, error: (error as Error).message });
      throw new ProblemException(503, 'sandbox-unavailable', 'Service unavailable', 'The SQL sandbox cannot be reached right now; try again shortly.');
    }
  }

  /** The key the caller may try against: the draft's (editors), the cohort's copy (instructors), or the trainee's version. */
  private async keyFor(assessmentId: string, principal: Principal): Promise<{ kind: string; key: unknown }> {
    const draft = await this.authoring.draftIfEditor(assessmentId, principal);
    if (draft) return { kind: draft.kind, key: this.graders.get(draft.kind).validateKey(draft.answerKey) };
    const instructed = await this.instructors.instructed(assessmentId, principal);
    if (instructed) return { kind: instructed.frozen.kind, key: instructed.frozen.key };
    const located = await this.attempts.require(principal.userId, assessmentId, 'work');
    if (!TRIED_KINDS.has(located.frozen.kind)) return { kind: located.frozen.kind, key: located.frozen.key };
    this.attempts.refuseIfPastDue(located);
    const used = await this.attempts.attemptsOf(located);
    if (used.length >= located.frozen.attemptsAllowed && !(await this.attempts.openAttempt(located))) {
      throw attemptsExhausted(located.frozen.attemptsAllowed);
    }
    return { kind: located.frozen.kind, key: located.frozen.key };
  }

  private async trySql(assessmentId: string, key: SqlKey, answer: SqlAnswer): Promise<TrialRunView> {
    await this.datasets.used(key.dataset);
    const outcome = await this.sql.tryQuery(key, answer);
    if (outcome.status === 'error') return { assessmentId, kind: 'sql', status: 'error', message: outcome.message };
    const { columns, rows, rowCount, truncated } = outcome;
    return { assessmentId, kind: 'sql', status: 'ok', result: { columns, rows, rowCount, truncated } };
  }

  private tryConfig(assessmentId: string, key: ConfigKey, answer: ConfigAnswer): TrialRunView {
    const outcome = this.config.tryDocument(key, answer);
    if (outcome.status === 'unreadable') return { assessmentId, kind: 'config', status: 'unreadable', format: outcome.format, message: outcome.message };
    return { assessmentId, kind: 'config', status: 'ok', format: outcome.format, rules: outcome.results };
  }
}
