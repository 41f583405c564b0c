import { diffOutlines, FrozenOutline } from './course-snapshot';

const outline = (modules: FrozenOutline['modules']): FrozenOutline => ({ courseCode: 'c', trackCode: 'cybersecurity', prerequisiteCourseIds: [], modules });
const mod = (id: string, position: number, lessons: Array<[string, string, string]>, extra = {}) => ({
  moduleId: id,
  title: `M ${id}`,
  summary: '',
  position,
  prerequisiteModuleIds: [],
  skillCodes: [],
  lessons: lessons.map(([lessonId, title, contentHash], i) => ({ lessonId, title, kind: 'article' as const, position: i + 1, contentHash })),
  assessments: [],
  ...extra,
});

describe('diffOutlines', () => {
  it('reports added, removed and changed items by stable id', () => {
    const before = outline([mod('m1', 1, [['l1', 'One', 'h1'], ['l2', 'Two', 'h2']]), mod('m2', 2, [])]);
    const after = outline([mod('m2', 1, [['l2', 'Two', 'h2']], { skillCodes: ['CYB-IR-01'] }), mod('m3', 2, [['l3', 'Three', 'h3'], ['l1', 'One', 'h1b']])]);
    const diff = diffOutlines(before, after);
    expect(diff.modules).toEqual({
      added: [{ id: 'm3', title: 'M m3' }],
      removed: [{ id: 'm1', title: 'M m1' }],
      changed: [{ id: 'm2', title: 'M m2', changes: ['position', 'skills'] }],
    });
    expect(diff.lessons.added).toEqual([{ id: 'l3', title: 'Three' }]);
    expect(diff.lessons.removed).toEqual([]);
    expect(diff.lessons.changed).toEqual([
      { id: 'l2', title: 'Two', changes: ['module', 'position'] },
      { id: 'l1', title: 'One', changes: ['module', 'position', 'content'] },
    ]);
  });

  it('is empty between equal outlines', () => {
    const same = outline([mod('m1', 1, [['l1', 'One', 'h1']])]);
    expect(diffOutlines(same, same)).toEqual({ modules: { added: [], removed: [], changed: [] }, lessons: { added: [], removed: [], changed: [] }, assessments: { added: [], removed: [], changed: [] } });
  });
});
