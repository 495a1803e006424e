import { LineCounter, parseDocument } from 'yaml';
import { PathSegment } from './problem-collector';

export interface ParsedYaml {
  /** The plain data, or undefined when the YAML itself is broken. */
  data: unknown;
  syntaxErrors: Array<{ line?: number; message: string }>;
  /** The 1-based line of a path inside the file, or of its nearest existing parent. */
  lineOf(path: PathSegment[]): number | undefined;
}

/** Parses YAML keeping positions, so problems can be reported as "forms/kg1/form.yaml:42". */
export function parseYaml(source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxErrors = document.errors.map((error) => ({
    line: lineCounter.linePos(error.pos[0]).line,
    message: error.message.split('\n')[0],
  }));
  const lineOf = (path: PathSegment[]): number | undefined => {
    for (let length = path.length; length >= 0; length--) {
      const node = document.getIn(path.slice(0, length), true) as
        { range?: [number, number, number] } | undefined;
      if (node?.range) {
        return lineCounter.linePos(node.range[0]).line;
      }
    }
    return undefined;
  };
  return { data: syntaxErrors.length > 0 ? undefined : document.toJS(), syntaxErrors, lineOf };
}
