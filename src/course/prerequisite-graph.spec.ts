import { findCycle } from './prerequisite-graph';

describe('findCycle', () => {
  it('accepts a DAG, including diamonds', () => {
    expect(findCycle([['d', 'b'], ['d', 'c'], ['b', 'a'], ['c', 'a']])).toBeNull();
    expect(findCycle([])).toBeNull();
  });

  it('finds direct, indirect and long cycles', () => {
    expect(findCycle([['a', 'b'], ['b', 'a']])).toEqual(['a', 'b', 'a']);
    expect(findCycle([['x', 'a'], ['a', 'b'], ['b', 'c'], ['c', 'a']])).toEqual(['a', 'b', 'c', 'a']);
    const chain: Array<[string, string]> = Array.from({ length: 20_000 }, (_, i) => [`n${i}`, `n${i + 1}`]);
    expect(findCycle(chain)).toBeNull();
    expect(findCycle([...chain, ['n20000', 'n0']])?.length).toBe(20_002);
  });
});
