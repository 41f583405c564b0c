import { Lessons } from './lessons.service';

describe('Lessons.get', () => {
  it('answers 404, not a TypeError, when the lesson’s module is deleted between its two reads', async () => {
    const lesson = { id: '0b5e2b7e-4a5e-4c36-9d0c-8f6f6f0d8d11', moduleId: '6d1f0a86-6b4e-4a51-9b2b-2e3c6a1b4c55' };
    const txHost = { tx: { getRepository: () => ({ findOneBy: async () => lesson }), query: async () => [] } };
    const access = { isEditor: jest.fn() };
    const lessons = new Lessons(txHost as never, {} as never, access as never);
    await expect(lessons.get({ id: 'someone', roles: ['admin'] } as never, lesson.id)).rejects.toMatchObject({ status: 404 });
    expect(access.isEditor).not.toHaveBeenCalled();
  });
});
