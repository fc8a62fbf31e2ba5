import commonPasswords from 'fxa-common-password-list';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** Why a password is refused, or an empty list. Length counts characters, not bytes. */
export function passwordProblems(password: string, email?: string): string[] {
  const length = [...password].length;
  const problems: string[] = [];
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  }
  const lowered = password.toLowerCase();
  if (commonPasswords.test(password) || commonPasswords.test(lowered)) {
    problems.push('is one of the most common passwords; choose another');
  }
  if (email && lowered === email.trim().toLowerCase()) {
    problems.push('must not be your email address');
  }
  if (length > 0 && new Set(password).size === 1) {
    problems.push('must not repeat a single character');
  }
  return problems;
}
