import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it.each([
    ['Lantern-Meadow-Crisp-73', []],
    ['short', ['must be at least 10 characters']],
    ['password123', ['is one of the most common passwords; choose another']],
    ['PASSWORD123', ['is one of the most common passwords; choose another']],
    ['aaaaaaaaaaaa', ['must not repeat a single character']],
  ])('judges %s', (password, problems) => {
    expect(passwordProblems(password)).toEqual(expect.arrayContaining(problems));
    if (problems.length === 0) expect(passwordProblems(password)).toEqual([]);
  });

  it('refuses the account email as password, whatever its case', () => {
    expect(passwordProblems('Li.Na@Example.com', 'li.na@example.com')).toContain(
      'must not be your email address',
    );
  });

  it('counts characters, not bytes', () => {
    expect(passwordProblems('密码密码密码密码密码')).toEqual([]);
  });
});
