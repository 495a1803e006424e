export type PathSegment = string | number;

export interface PathProblem {
  path: PathSegment[];
  message: string;
}

/** Collects every problem of one definition file instead of stopping at the first. */
export class ProblemCollector {
  readonly problems: PathProblem[] = [];

  add(path: PathSegment[], message: string): void {
    this.problems.push({ path, message });
  }

  get count(): number {
    return this.problems.length;
  }
}

/** ['sections', 2, 'questions', 4, 'when'] -> "sections[2].questions[4].when" */
export function formatPath(path: PathSegment[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}
