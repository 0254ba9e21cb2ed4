/** A request target split into the scenario prefix, the routed path and the query. */
export interface RequestTarget {
  /** The `k=v,k=v` segment of a `/mock/<segment>/` prefix, when present. */
  prefix?: string;
  path: string;
  query: Record<string, string>;
}

const mockPrefix = '/mock/';
const noQuery: Readonly<Record<string, string>> = Object.freeze({});

export function splitTarget(target: string): RequestTarget {
  const questionMark = target.indexOf('?');
  let path = questionMark < 0 ? target : target.slice(0, questionMark);
  const query = questionMark < 0 ? noQuery : Object.fromEntries(new URLSearchParams(target.slice(questionMark + 1)));
  if (!path.startsWith(mockPrefix)) return { path, query };
  const rest = path.slice(mockPrefix.length);
  const slash = rest.indexOf('/');
  const prefix = slash < 0 ? rest : rest.slice(0, slash);
  path = slash < 0 ? '/' : rest.slice(slash);
  return { prefix, path, query };
}
