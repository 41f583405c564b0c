// Interim shape of GET /api/v1/assessments/:id for trainees until the route declares its response schema.
export interface AssessmentView {
  id: string;
  moduleId: string;
  kind: 'quiz' | 'flag' | 'sql' | 'config' | 'rubric';
  title: string;
  instructions: string;
  maxScore: number;
  passMark: number;
  required: boolean;
  attemptsAllowed: number | null;
  timeLimitMinutes: number | null;
  latePolicy: 'refuse' | 'penalty';
  latePenaltyPercentPerDay: number;
}
