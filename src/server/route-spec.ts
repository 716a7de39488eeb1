// Routes declared once with their zod schemas: the same declaration validates requests and becomes the OpenAPI 3.1 document.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { issuesOf, problem, problemResponse, ProblemSchema, PROBLEM_MEDIA_TYPE, type ProblemKind, PROBLEMS } from './problem.js';

/** A response body: a zod schema, a JSON Schema reference, or none (HTML pages, feeds, scripts). */
export interface ResponseSpec {
  description: string;
  /** Media type of the body; JSON when a schema is given. */
  contentType?: string;
  schema?: z.ZodType | { $ref: string };
  headers?: Record<string, { description: string }>;
}

/** A request body, read by the handler itself (JSON and JSONL take different readers). */
export interface BodySpec {
  description: string;
  /** Media type -> schema of the body in that type. */
  content: Record<string, z.ZodType | { $ref: string } | { type: 'string'; description: string }>;
}

export interface RouteSpec<P extends z.ZodObject = z.ZodObject, Q extends z.ZodObject = z.ZodObject> {
  method: 'get' | 'post';
  /** OpenAPI form: `/api/stories/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: P;
  query?: Q;
  body?: BodySpec;
  /** Needs `Authorization: Bearer <token>` when the server has a token. */
  write?: boolean;
  responses: Record<string, ResponseSpec>;
  /** Problem kinds the route may answer with, beyond bad parameters (always listed when it has any). */
  problems?: ProblemKind[];
}

export interface RouteInput<P extends z.ZodObject, Q extends z.ZodObject> {
  params: z.output<P>;
  query: z.output<Q>;
}

export type Handler<P extends z.ZodObject, Q extends z.ZodObject> = (c: Context, input: RouteInput<P, Q>) => Response | Promise<Response>;

const EMPTY = z.object({});

/** Query values as a form sends them: the first of repeated names, empty fields left out (an empty filter is no filter). */
function queryValues(c: Context): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, list] of Object.entries(c.req.queries())) {
    const first = list[0];
    if (first !== undefined && first !== '') values[name] = first;
  }
  return values;
}

/** The routes of one app, mounted on it and listed for the OpenAPI document. */
export class RouteTable {
  readonly specs: RouteSpec[] = [];

  /** `invalid` answers a request whose parameters do not validate (default: the problem as JSON). */
  constructor(
    private readonly app: Hono,
    private readonly invalid: (c: Context, body: ReturnType<typeof problem>) => Response = (_c, body) => problemResponse(body),
  ) {}

  add<P extends z.ZodObject = typeof EMPTY, Q extends z.ZodObject = typeof EMPTY>(spec: RouteSpec<P, Q>, handler: Handler<P, Q>): void {
    this.specs.push(spec as unknown as RouteSpec);
    const path = spec.path.replace(/\{(\w+)\}/g, ':$1');
    const params = spec.params ?? EMPTY;
    const query = spec.query ?? EMPTY;
    this.app.on(spec.method.toUpperCase(), path, async (c) => {
      const parsedParams = params.safeParse(c.req.param());
      const parsedQuery = query.safeParse(queryValues(c));
      const errors = [
        ...(parsedParams.success ? [] : issuesOf('path', parsedParams.error.issues)),
        ...(parsedQuery.success ? [] : issuesOf('query', parsedQuery.error.issues)),
      ];
      if (errors.length || !parsedParams.success || !parsedQuery.success) {
        const detail = errors.map((e) => `${e.pointer}: ${e.detail}`).join('; ');
        return this.invalid(c, problem('invalid-parameter', detail, { instance: c.req.path, errors }));
      }
      return handler(c, { params: parsedParams.data as z.output<P>, query: parsedQuery.data as z.output<Q> });
    });
  }
}

type JsonSchema = Record<string, unknown>;

/** A schema for the document: zod converted (input side for requests, output side for responses), or a reference as it is. */
function schemaOf(schema: z.ZodType | JsonSchema, io: 'input' | 'output'): JsonSchema {
  if (!(schema instanceof z.ZodType)) return schema as JsonSchema;
  const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** Parameters of one kind (path, query) from an object schema, each with its own JSON Schema. */
function parametersOf(where: 'path' | 'query', object: z.ZodObject | undefined): JsonSchema[] {
  if (!object) return [];
  const whole = schemaOf(object, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(whole.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return {
      name,
      in: where,
      required: where === 'path' || (whole.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

export interface DocumentInfo {
  title: string;
  version: string;
  description: string;
}

/** The OpenAPI 3.1 document of a route table. */
export function openApiDocument(specs: readonly RouteSpec[], info: DocumentInfo): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const spec of specs) {
    const responses: Record<string, JsonSchema> = {};
    for (const [status, response] of Object.entries(spec.responses)) {
      const contentType = response.contentType ?? 'application/json';
      responses[status] = {
        description: response.description,
        ...(response.headers ? { headers: Object.fromEntries(Object.entries(response.headers).map(([name, h]) => [name, { description: h.description, schema: { type: 'string' } }])) } : {}),
        ...(response.schema || contentType !== 'application/json'
          ? { content: { [contentType]: response.schema ? { schema: schemaOf(response.schema, 'output') } : {} } }
          : {}),
      };
    }
    const kinds = new Set<ProblemKind>(spec.problems ?? []);
    if (spec.params || spec.query) kinds.add('invalid-parameter');
    if (spec.write) kinds.add('unauthorized');
    kinds.add('uri-too-long');
    const byStatus = new Map<number, string[]>();
    for (const kind of kinds) byStatus.set(PROBLEMS[kind].status, [...(byStatus.get(PROBLEMS[kind].status) ?? []), PROBLEMS[kind].title]);
    for (const [status, titles] of byStatus) {
      responses[String(status)] = { description: titles.join('; '), content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } } };
    }
    const operation: JsonSchema = {
      operationId: spec.operationId,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: spec.tags,
      parameters: [...parametersOf('path', spec.params), ...parametersOf('query', spec.query)],
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              description: spec.body.description,
              content: Object.fromEntries(Object.entries(spec.body.content).map(([type, schema]) => [type, { schema: schemaOf(schema as z.ZodType | JsonSchema, 'input') }])),
            },
          }
        : {}),
      ...(spec.write ? { security: [{ bearer: [] }] } : {}),
      responses,
    };
    (paths[spec.path] ??= {})[spec.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    tags: [
      { name: 'stories', description: 'Stories and their briefs' },
      { name: 'articles', description: 'Stored articles and ingestion' },
      { name: 'outlets', description: 'Outlets of the store' },
      { name: 'exports', description: 'A story as JSON, Markdown, HTML, and CSV of its claims' },
      { name: 'feeds', description: 'Feeds of new and updated stories' },
      { name: 'meta', description: 'This document and the schemas it references' },
      { name: 'web', description: 'The web UI: HTML pages and their assets' },
    ],
    paths,
    components: {
      schemas: { Problem: schemaOf(ProblemSchema, 'output') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'NEWSFUSE_TOKEN; required for writes when the server has a token' } },
    },
  };
}
