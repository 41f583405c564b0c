/**
 * The feedback of a graded submission as lines a person reads, whatever the kind: graders write
 * `message` and `lines`, quizzes a result per question, flag challenges a result per flag, and
 * penalties (hints, lateness) come with every grade. Unknown fields are left out, never shown raw.
 */
export type FeedbackItem =
  | { kind: 'text'; text: string }
  | { kind: 'question'; number: number; earned: number; points: number; correct: boolean }
  | { kind: 'flag'; label: string; captured: boolean; points: number }
  | { kind: 'penalty'; points: number }
  | { kind: 'late'; days: number }
  | { kind: 'awaiting-review' };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function feedbackItems(feedback: Record<string, unknown> | null, lateDays: number | null): FeedbackItem[] {
  const items: FeedbackItem[] = [];
  if (feedback) {
    if (typeof feedback.message === 'string' && feedback.message) items.push({ kind: 'text', text: feedback.message });
    if (Array.isArray(feedback.lines)) {
      for (const line of feedback.lines) if (typeof line === 'string' && line !== feedback.message) items.push({ kind: 'text', text: line });
    }
    if (Array.isArray(feedback.questions)) {
      feedback.questions.filter(isRecord).forEach((q, index) => {
        items.push({ kind: 'question', number: index + 1, earned: Number(q.earned ?? 0), points: Number(q.points ?? 0), correct: q.correct === true });
      });
    }
    if (Array.isArray(feedback.flags)) {
      for (const f of feedback.flags.filter(isRecord)) items.push({ kind: 'flag', label: String(f.label ?? f.flagId ?? ''), captured: f.captured === true, points: Number(f.points ?? 0) });
    }
    if (typeof feedback.awaiting === 'string') items.push({ kind: 'awaiting-review' });
    if (typeof feedback.penalty === 'number' && feedback.penalty > 0) items.push({ kind: 'penalty', points: feedback.penalty });
  }
  if (lateDays && lateDays > 0) items.push({ kind: 'late', days: lateDays });
  return items;
}
