import { describeVersionPolicy, versionsServed } from './version-policy';

describe('version policies', () => {
  it('serve every version, the newest N of those registered, or the listed ones that are registered', () => {
    expect(versionsServed({ kind: 'all' }, [1, 2, 3])).toBeUndefined();
    expect(versionsServed({ kind: 'latest', count: 2 }, [3, 1, 5, 2])).toEqual([3, 5]);
    expect(versionsServed({ kind: 'latest', count: 9 }, [2, 1])).toEqual([1, 2]);
    expect(versionsServed({ kind: 'specific', versions: [4, 1, 9] }, [1, 2, 4])).toEqual([1, 4]);
  });

  it('read as words in messages', () => {
    expect(describeVersionPolicy({ kind: 'all' })).toBe('every version');
    expect(describeVersionPolicy({ kind: 'latest', count: 1 })).toBe('the latest version');
    expect(describeVersionPolicy({ kind: 'latest', count: 3 })).toBe('the latest 3 versions');
    expect(describeVersionPolicy({ kind: 'specific', versions: [4] })).toBe('version 4');
    expect(describeVersionPolicy({ kind: 'specific', versions: [1, 4, 7] })).toBe('versions 1, 4 and 7');
  });
});
