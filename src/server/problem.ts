// Errors of the HTTP API as RFC 9457 problem details (application/problem+json), one type URI per kind of problem.
import { z } from 'zod';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** The kinds of problem the server answers with, and their HTTP status. */
export const PROBLEMS = {
  'invalid-parameter': { status: 400, title: 'A parameter is not valid' },
  'malformed-body': { status: 400, title: 'The request body cannot be read' },
  'unauthorized': { status: 401, title: 'A bearer token is required' },
  'not-found': { status: 404, title: 'No such resource' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'uri-too-long': { status: 414, title: 'The request URI is too long' },
  'unsupported-media-type': { status: 415, title: 'The request body has a media type this route does not take' },
  'not-implemented': { status: 501, title: 'This store cannot do that' },
  'internal': { status: 500, title: 'The server failed to answer' },
} as const;

export type ProblemKind = keyof typeof PROBLEMS;

/** One invalid input: where (`query.limit`, `body[2].title`) and what was expected. */
export interface ProblemError {
  pointer: string;
  detail: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: ProblemError[];
}

export const problemType = (kind: ProblemKind): string => `https://newsfuse.dev/problems/${kind}`;

/** The schema of a problem body, for the OpenAPI document. */
export const ProblemSchema = z
  .object({
    type: z.string().describe('URI naming the kind of problem'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe('What was expected and what was found'),
    instance: z.string().optional().describe('The request path'),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details');

export function problem(kind: ProblemKind, detail: string, extra: { instance?: string; errors?: ProblemError[] } = {}): Problem {
  const { status, title } = PROBLEMS[kind];
  return { type: problemType(kind), title, status, detail, ...extra };
}

/** A problem as a Response (the media type, and `WWW-Authenticate` for a 401). */
export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  const all: Record<string, string> = { 'content-type': PROBLEM_MEDIA_TYPE, 'cache-control': 'no-store', ...headers };
  if (body.status === 401) all['www-authenticate'] = 'Bearer realm="newsfuse"';
  return new Response(JSON.stringify(body), { status: body.status, headers: all });
}

/** Zod issues as problem errors, under `where` (query, path, body). */
export function issuesOf(where: string, issues: readonly z.core.$ZodIssue[]): ProblemError[] {
  return issues.map((issue) => ({ pointer: [where, ...issue.path.map(String)].join('.'), detail: issue.message }));
}
