import { Injectable } from '@nestjs/common';
import { badRequest } from '@gds/http';
import { GradeOutcome, Grader, GradingContext } from './grader';
import { evaluateRule } from './config-checks';
import { CONFIG_LIMITS, parseConfigDocument } from './config-document';
import { ConfigAnswer, ConfigKey, describeRule, parseConfigKey } from './config-rules';

export type ConfigTrialResult =
  | { status: 'ok'; format: string; results: Array<{ id?: string; description: string; passed: boolean; message: string; at?: string; errors?: string[] }> }
  | { status: 'unreadable'; format: string; message: string };

/**
 * Grades a submitted configuration (an access policy, firewall rules, a bucket...) against the
 * instructor's rules. The document is parsed as data, never executed; an unreadable document is
 * feedback with score 0. The score is the share of rule points earned, scaled to maxScore (equal to
 * the sum of passed points when maxScore is the rules' total).
 */
@Injectable()
export class ConfigGrader implements Grader<ConfigKey, ConfigAnswer> {
  readonly kind = 'config' as const;
  readonly instant = false;

  validateKey(key: unknown): ConfigKey {
    return parseConfigKey(key);
  }

  validateAnswer(answer: unknown, _key?: ConfigKey): ConfigAnswer {
    const candidate = answer as Partial<ConfigAnswer> | null;
    const shapeOk =
      typeof candidate === 'object' &&
      candidate !== null &&
      Object.keys(candidate).every((k) => k === 'document' || k === 'format') &&
      typeof candidate.document === 'string' &&
      candidate.document.length <= CONFIG_LIMITS.bytes &&
      (candidate.format === undefined || candidate.format === 'json' || candidate.format === 'yaml');
    if (!shapeOk) {
      throw badRequest('invalid-answer', `A configuration answer is { "document": "<JSON or YAML, at most ${CONFIG_LIMITS.bytes} characters>", "format"?: "json" | "yaml" }.`);
    }
    return { document: candidate.document!, ...(candidate.format ? { format: candidate.format } : {}) };
  }

  publicView(key: ConfigKey): Record<string, unknown> {
    return {
      format: key.format,
      rules: key.rules.map((rule) => ({ id: rule.id, points: rule.points, description: describeRule(rule) })),
      totalPoints: totalPoints(key),
    };
  }

  /**
   * A trial run: which rules the document passes, with their messages and where they failed, but no
   * score and no points (nothing is graded or stored).
   */
  tryDocument(key: ConfigKey, answer: ConfigAnswer): ConfigTrialResult {
    const outcome = this.evaluate(key, answer);
    if (!outcome.ok) return { status: 'unreadable', format: outcome.format, message: outcome.message };
    return {
      status: 'ok',
      format: outcome.format,
      results: outcome.results.map(({ id, description, passed, message, at, errors }) => ({ id, description, passed, message, ...(at ? { at } : {}), ...(errors ? { errors } : {}) })),
    };
  }

  async grade({ key, answer, maxScore }: GradingContext<ConfigKey, ConfigAnswer>): Promise<GradeOutcome> {
    const outcome = this.evaluate(key, answer);
    if (!outcome.ok) {
      return { score: 0, maxScore, feedback: { status: 'unreadable', format: outcome.format, message: outcome.message, results: [], lines: [outcome.message] } };
    }
    const { results, format } = outcome;
    const earned = results.reduce((sum, r) => sum + r.earned, 0);
    const total = totalPoints(key);
    const score = total > 0 ? Math.round((earned / total) * maxScore * 100) / 100 : 0;
    return {
      score,
      maxScore,
      feedback: {
        status: 'graded',
        format,
        points: earned,
        totalPoints: total,
        results,
        // One line per failed check: a failed schema rule contributes one line per schema error.
        lines: results.filter((r) => !r.passed).flatMap((r) => r.errors ?? [r.message]),
      },
    };
  }

  private evaluate(key: ConfigKey, answer: ConfigAnswer) {
    // A key that names a format decides; otherwise the trainee's stated format, else detection.
    const parsed = parseConfigDocument(answer.document, key.format !== 'auto' ? key.format : (answer.format ?? 'auto'));
    if (!parsed.ok) return { ok: false as const, format: parsed.format, message: parsed.message };
    const results = key.rules.map((rule) => {
      const result = evaluateRule(rule, parsed.value);
      return {
        id: rule.id,
        description: describeRule(rule),
        passed: result.passed,
        points: rule.points,
        earned: result.passed ? rule.points : 0,
        message: rule.message,
        ...(result.at ? { at: result.at } : {}),
        ...(result.errors ? { errors: result.errors } : {}),
      };
    });
    return { ok: true as const, format: parsed.format, results };
  }
}

function totalPoints(key: ConfigKey): number {
  return key.rules.reduce((sum, rule) => sum + rule.points, 0);
}
