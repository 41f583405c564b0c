import { Injectable } from '@nestjs/common';
import { unprocessable } from '@gds/http';
import { GradeOutcome, Grader, GradingContext } from './grader';
import { ShapeErrors, scaleScore } from './key-checks';
import { RequiredSelector } from './design-check-types';
import { DesignCheckPool } from './design-check-pool.service';
import { designFeedback, parseDesignAnswer, parseDesignKey } from './rubric-design';

export interface RubricKey {
  criteria: Array<{ id: string; title: string; levels: Array<{ label: string; points: number }> }>;
  /** UI/UX work: machine checks of submitted HTML/CSS run before an instructor reviews it. */
  design?: { requiredSelectors: RequiredSelector[] };
}

export interface RubricAnswer {
  text: string;
  links: string[];
  /** Submitted page (parsed by jsdom, scripts never run) and its stylesheet. */
  html?: string;
  css?: string;
}

export interface CriterionScore {
  criterionId: string;
  points: number;
  comment?: string;
}

/** Manual work graded by an instructor, criterion by criterion; the grader only queues it. */
@Injectable()
export class RubricGrader implements Grader<RubricKey, RubricAnswer> {
  readonly kind = 'rubric' as const;
  readonly instant = false;

  constructor(private readonly designChecks: DesignCheckPool) {}

  validateKey(raw: unknown): RubricKey {
    const errors = new ShapeErrors();
    const root = errors.object(raw, 'key') ?? {};
    errors.onlyKeys(root, ['criteria', 'design'], 'key');
    const criteria = errors.array(root.criteria, 'key.criteria', 1, 30).map((c, i) => {
      const field = `key.criteria[${i}]`;
      const criterion = errors.object(c, field) ?? {};
      errors.onlyKeys(criterion, ['id', 'title', 'levels'], field);
      const levels = errors.array(criterion.levels, `${field}.levels`, 1, 10).map((l, j) => {
        const level = errors.object(l, `${field}.levels[${j}]`) ?? {};
        errors.onlyKeys(level, ['label', 'points'], `${field}.levels[${j}]`);
        return { label: errors.text(level.label, `${field}.levels[${j}].label`, 200), points: errors.number(level.points, `${field}.levels[${j}].points`, 0, 1000) };
      });
      return { id: errors.id(criterion.id, `${field}.id`), title: errors.text(criterion.title, `${field}.title`, 500), levels };
    });
    errors.unique(criteria.map((c) => c.id), 'key.criteria');
    const design = root.design === undefined ? undefined : parseDesignKey(root.design, errors);
    errors.throwInvalidKey('rubric');
    return { criteria, ...(design ? { design } : {}) };
  }

  validateAnswer(raw: unknown): RubricAnswer {
    const errors = new ShapeErrors();
    const root = errors.object(raw, 'answer') ?? {};
    errors.onlyKeys(root, ['text', 'links', 'html', 'css'], 'answer');
    const text = errors.text(root.text ?? '', 'answer.text', 20_000, 0);
    const links = (root.links === undefined ? [] : errors.array(root.links, 'answer.links', 0, 20)).map((l, i) => {
      const link = errors.text(l, `answer.links[${i}]`, 2000);
      if (link && !/^https?:\/\/[^\s]+$/i.test(link)) errors.add(`answer.links[${i}]`, 'must be an http(s) URL');
      return link;
    });
    const design = parseDesignAnswer(root, errors);
    if (!text && links.length === 0 && !design.html) errors.add('answer', 'needs text, html or at least one link');
    errors.throwInvalidAnswer();
    return { text, links, ...design };
  }

  /** The rubric is public: trainees should know how they will be graded (and what the page must have, not the selectors). */
  publicView(key: RubricKey): Record<string, unknown> {
    return {
      criteria: key.criteria,
      ...(key.design ? { design: { requirements: key.design.requiredSelectors.map((r) => r.message), accessibility: 'WCAG 2 A/AA (axe-core)' } } : {}),
    };
  }

  /** Queues the work for an instructor; submitted HTML is first checked by machine, each finding a feedback line. */
  async grade(context: GradingContext<RubricKey, RubricAnswer>): Promise<GradeOutcome> {
    const { key, answer } = context;
    const feedback: Record<string, unknown> = { awaiting: 'instructor review' };
    if (answer.html !== undefined) {
      // A page that cannot be checked (too slow, too big, breaks the checker) is told so at once; only
      // a failure of the pool itself (DesignCheckUnavailableError) throws and is retried.
      const result = await this.designChecks.check({ html: answer.html, css: answer.css, requiredSelectors: key.design?.requiredSelectors ?? [] });
      Object.assign(feedback, designFeedback(result.ok ? result.findings : [{ kind: 'input', message: result.message }]));
    }
    return { score: 0, maxScore: context.maxScore, feedback, needsReview: true };
  }

  /** Turns an instructor's per-criterion points into a score; every criterion must be scored once. */
  scoreReview(key: RubricKey, scores: CriterionScore[], maxScore: number): { score: number; criteria: CriterionScore[] } {
    const given = new Map(scores.map((s) => [s.criterionId, s]));
    if (given.size !== scores.length || given.size !== key.criteria.length || key.criteria.some((c) => !given.has(c.id))) {
      throw unprocessable('review-incomplete', 'Score every criterion of the rubric exactly once.');
    }
    let total = 0;
    let earned = 0;
    for (const criterion of key.criteria) {
      const best = Math.max(...criterion.levels.map((l) => l.points));
      const points = given.get(criterion.id)!.points;
      if (points > best) throw unprocessable('review-out-of-range', `Criterion ${criterion.id} is worth at most ${best} points.`);
      total += best;
      earned += points;
    }
    return { score: scaleScore(earned, total, maxScore), criteria: key.criteria.map((c) => given.get(c.id)!) };
  }
}
