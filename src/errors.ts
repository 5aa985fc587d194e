/** A problem the user can fix: a file and, where known, the line and column it is at. */
export interface Problem { file: string; line?: number; column?: number; message: string }

export function formatProblem(p: Problem): string {
  if (!p.file) return p.message;
  return p.line ? `${p.file}:${p.line}:${p.column ?? 1}: ${p.message}` : `${p.file}: ${p.message}`;
}

/** Errors the user caused (bad rule file, bad config, bad argument): one line each, exit 2. */
export class UserError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'UserError';
  }
}
