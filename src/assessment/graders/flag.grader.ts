import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { GradeOutcome, Grader, GradingContext } from './grader';
import { ShapeErrors, scaleScore } from './key-checks';
import { deriveFlag, flagsEqual } from './flag-derivation';

export interface FlagKey {
  flags: Array<{ id: string; label: string; points: number }>;
  /** Revealing a hint costs its points (taken from the score, never below 0). */
  hints: Array<{ id: string; text: string; cost: number }>;
}

export interface FlagAnswer {
  flags: string[];
}

/** Capture-the-flag challenges: per-trainee flags derived with HMAC from FLAG_SECRET. */
@Injectable()
export class FlagGrader implements Grader<FlagKey, FlagAnswer> {
  readonly kind = 'flag' as const;
  readonly instant = true;

  constructor(private readonly config: AppConfig) {}

  validateKey(raw: unknown): FlagKey {
    const errors = new ShapeErrors();
    const root = errors.object(raw, 'key') ?? {};
    errors.onlyKeys(root, ['flags', 'hints'], 'key');
    const flags = errors.array(root.flags, 'key.flags', 1, 20).map((f, i) => {
      const flag = errors.object(f, `key.flags[${i}]`) ?? {};
      errors.onlyKeys(flag, ['id', 'label', 'points'], `key.flags[${i}]`);
      return { id: errors.id(flag.id, `key.flags[${i}].id`), label: errors.text(flag.label, `key.flags[${i}].label`, 200), points: errors.number(flag.points, `key.flags[${i}].points`, 0.01, 1000) };
    });
    const hints = (root.hints === undefined ? [] : errors.array(root.hints, 'key.hints', 0, 20)).map((h, i) => {
      const hint = errors.object(h, `key.hints[${i}]`) ?? {};
      errors.onlyKeys(hint, ['id', 'text', 'cost'], `key.hints[${i}]`);
      return { id: errors.id(hint.id, `key.hints[${i}].id`), text: errors.text(hint.text, `key.hints[${i}].text`, 2000), cost: errors.number(hint.cost, `key.hints[${i}].cost`, 0, 1000) };
    });
    errors.unique(flags.map((f) => f.id), 'key.flags');
    errors.unique(hints.map((h) => h.id), 'key.hints');
    errors.throwInvalidKey('flag');
    return { flags, hints };
  }

  validateAnswer(raw: unknown): FlagAnswer {
    const errors = new ShapeErrors();
    const root = errors.object(raw, 'answer') ?? {};
    errors.onlyKeys(root, ['flags'], 'answer');
    const flags = errors.array(root.flags, 'answer.flags', 1, 20).map((f, i) => errors.text(f, `answer.flags[${i}]`, 200));
    errors.throwInvalidAnswer();
    return { flags };
  }

  /** Labels, points and hint costs; never a flag nor a hint's text (hints are revealed one by one). */
  publicView(key: FlagKey): Record<string, unknown> {
    return {
      flags: key.flags.map((f) => ({ id: f.id, label: f.label, points: f.points })),
      hints: key.hints.map((h) => ({ id: h.id, cost: h.cost })),
    };
  }

  /** The flag of one trainee, for the challenge environment that plants it. */
  flagFor(assessmentId: string, flagId: string, traineeId: string): string {
    return deriveFlag(this.config.FLAG_SECRET, assessmentId, flagId, traineeId);
  }

  async grade(context: GradingContext<FlagKey, FlagAnswer>): Promise<GradeOutcome> {
    const total = context.key.flags.reduce((sum, f) => sum + f.points, 0);
    const found = context.key.flags.map((flag) => {
      const expected = this.flagFor(context.assessmentId, flag.id, context.traineeId);
      // Every submitted string is compared with every flag, so timing says nothing about which matched.
      const captured = context.answer.flags.map((given) => flagsEqual(given, expected)).reduce((a, b) => a || b, false);
      return { flagId: flag.id, label: flag.label, points: flag.points, captured };
    });
    const earned = found.filter((f) => f.captured).reduce((sum, f) => sum + f.points, 0);
    return {
      score: scaleScore(earned, total, context.maxScore),
      maxScore: context.maxScore,
      feedback: { flags: found, pointsEarned: earned, pointsPossible: total },
    };
  }
}

/** Points lost to hints: the cost of each hint revealed (before the submission), capped at the score. */
export function hintPenalty(key: FlagKey, revealedHintIds: string[], maxScore: number): number {
  const total = key.flags.reduce((sum, f) => sum + f.points, 0);
  const cost = key.hints.filter((h) => revealedHintIds.includes(h.id)).reduce((sum, h) => sum + h.cost, 0);
  return scaleScore(cost, total, maxScore);
}
