import { describe, expect, it } from 'vitest';
import { neighbours } from './lesson-sequence';
import type { OutlineModule } from './learning.types';

const lesson = (lessonId: string, position: number) => ({ lessonId, title: lessonId, kind: 'article' as const, position, contentHash: lessonId });
const modules: OutlineModule[] = [
  { moduleId: 'm2', title: 'Two', position: 2, summary: '', skillCodes: [], prerequisiteModuleIds: [], lessons: [lesson('c', 1)], assessments: [] },
  { moduleId: 'm1', title: 'One', position: 1, summary: '', skillCodes: [], prerequisiteModuleIds: [], lessons: [lesson('b', 2), lesson('a', 1)], assessments: [] },
];

describe('neighbours', () => {
  it('crosses module boundaries in reading order', () => {
    const { previous, next } = neighbours(modules, 'b');
    expect(previous?.lessonId).toBe('a');
    expect(next).toMatchObject({ lessonId: 'c', moduleTitle: 'Two' });
  });

  it('has no previous for the first lesson and no next for the last', () => {
    expect(neighbours(modules, 'a').previous).toBeUndefined();
    expect(neighbours(modules, 'c').next).toBeUndefined();
  });
});
