import { movedOrder } from './positions';
import { lessonContentErrors } from './lessons.service';

describe('movedOrder', () => {
  it('moves to any existing position and refuses others', () => {
    expect(movedOrder(['a', 'b', 'c'], 'c', 1)).toEqual(['c', 'a', 'b']);
    expect(movedOrder(['a', 'b', 'c'], 'a', 3)).toEqual(['b', 'c', 'a']);
    expect(movedOrder(['a', 'b', 'c'], 'b', 2)).toEqual(['a', 'b', 'c']);
    const slugOf = (work: () => unknown) => {
      try {
        work();
      } catch (error) {
        return (error as { slug?: string }).slug;
      }
    };
    expect(slugOf(() => movedOrder(['a', 'b', 'c'], 'a', 4))).toBe('position-out-of-range');
    expect(slugOf(() => movedOrder(['a'], 'a', 0))).toBe('position-out-of-range');
  });
});

describe('lessonContentErrors', () => {
  const none = { body: null, videoUrl: null, durationSeconds: null, environmentNotes: null, externalUrl: null };
  it('asks each kind for what it needs', () => {
    expect(lessonContentErrors({ ...none, kind: 'article', body: 'x' })).toEqual([]);
    expect(lessonContentErrors({ ...none, kind: 'article' }).map((e) => e.field)).toEqual(['body']);
    expect(lessonContentErrors({ ...none, kind: 'video', videoUrl: 'https://v' }).map((e) => e.field)).toEqual(['durationSeconds']);
    expect(lessonContentErrors({ ...none, kind: 'lab', body: 'x', externalUrl: 'https://x' }).map((e) => e.field)).toEqual(['externalUrl']);
    expect(lessonContentErrors({ ...none, kind: 'external', externalUrl: 'https://x', body: 'notes' })).toEqual([]);
  });
});
