import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type request from 'supertest';
import { componentsSchema, toJsonSchema } from './json-schema';

type Agent = ReturnType<typeof request>;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];

interface MediaObject { schema?: unknown }
interface ResponseObject { content?: Record<string, MediaObject> }
interface OperationObject {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { required?: boolean; content?: Record<string, MediaObject> };
  responses: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  paths: Record<string, Partial<Record<Method, OperationObject>>>;
  components?: { schemas?: Record<string, unknown> };
}

export interface Call {
  /** The bearer token; `null` sends none. */
  token: string | null;
  body?: unknown;
  /** Sent as is, with `contentType` (for 413/415 and malformed JSON). */
  raw?: { contentType: string; payload: string };
  headers?: Record<string, string>;
}

export interface Mismatch {
  operation: string;
  status: number;
  problem: string;
  errors?: string[];
  body?: unknown;
}

interface Route { template: string; pattern: RegExp; literals: number }

/**
 * Sends requests to the app and checks every answer against the OpenAPI document: the status is
 * one the operation documents, the content type is the documented one, and the body is valid
 * against the documented schema. Request bodies of successful calls are checked against the
 * documented request schema. Mismatches are collected, not thrown, so that one failure lists all.
 */
export class ConformanceRecorder {
  readonly mismatches: Mismatch[] = [];
  /** `METHOD /template` → the statuses seen. */
  readonly seen = new Map<string, Set<number>>();
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly doc: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema(componentsSchema(doc.components?.schemas ?? {}));
    this.routes = Object.keys(doc.paths)
      .map((template) => {
        const segments = template.split('/');
        const pattern = new RegExp(`^${segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : escapeRegExp(s))).join('/')}$`);
        return { template, pattern, literals: segments.filter((s) => !s.startsWith('{')).length };
      })
      .sort((a, b) => b.literals - a.literals);
  }

  /** Every documented operation, as `METHOD /template`. */
  operations(): string[] {
    return Object.entries(this.doc.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`));
  }

  /** `METHOD /template status` for every documented answer. */
  documentedAnswers(): string[] {
    return Object.entries(this.doc.paths).flatMap(([path, item]) =>
      METHODS.flatMap((m) => Object.keys(item[m]?.responses ?? {}).map((status) => `${m.toUpperCase()} ${path} ${status}`)),
    );
  }

  observedAnswers(): string[] {
    return [...this.seen].flatMap(([operation, statuses]) => [...statuses].map((status) => `${operation} ${status}`));
  }

  /** The documented operation a request goes to, if any. */
  operationOf(method: Method, url: string): { key: string; operation: OperationObject } | undefined {
    const path = url.split('?')[0];
    const route = this.routes.find((r) => r.pattern.test(path) && this.doc.paths[r.template][method]);
    return route && { key: `${method.toUpperCase()} ${route.template}`, operation: this.doc.paths[route.template][method]! };
  }

  async send(http: Agent, method: Method, url: string, call: Call): Promise<request.Response> {
    let test = http[method](url);
    if (call.token !== null) test = test.set('Authorization', `Bearer ${call.token}`);
    for (const [name, value] of Object.entries(call.headers ?? {})) test = test.set(name, value);
    if (call.raw) test = test.set('Content-Type', call.raw.contentType).send(call.raw.payload);
    else if (call.body !== undefined) test = test.send(call.body as object);
    const res = await test;
    this.check(method, url, call, res);
    return res;
  }

  private check(method: Method, url: string, call: Call, res: request.Response): void {
    const found = this.operationOf(method, url);
    const fail = (operation: string, problem: string, errors?: ErrorObject[] | null, body?: unknown): void => {
      this.mismatches.push({ operation, status: res.status, problem, ...(errors ? { errors: errors.map(errorText) } : {}), ...(body !== undefined ? { body } : {}) });
    };
    if (!found) return fail(`${method.toUpperCase()} ${url.split('?')[0]}`, 'no documented operation matches this request');

    const { key: operationKey, operation } = found;
    if (!this.seen.has(operationKey)) this.seen.set(operationKey, new Set());
    this.seen.get(operationKey)!.add(res.status);

    if (res.status < 300 && call.body !== undefined && !call.raw) {
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      if (!schema) fail(operationKey, 'a body was sent but the operation documents no application/json request body');
      else {
        const validate = this.validator(schema);
        if (!validate(call.body)) fail(operationKey, 'the request body sent does not match the documented request schema', validate.errors, call.body);
      }
    }

    const response = operation.responses[String(res.status)] ?? operation.responses[`${String(res.status)[0]}XX`] ?? operation.responses.default;
    if (!response) return fail(operationKey, `status ${res.status} is not documented (documented: ${Object.keys(operation.responses).join(', ')})`, null, res.body);

    const mediaType = (res.headers['content-type'] ?? '').split(';')[0].trim();
    const hasBody = res.text !== undefined && res.text !== '';
    if (!response.content) {
      if (hasBody) fail(operationKey, `answered a ${mediaType} body where none is documented`, null, res.body);
      return;
    }
    const media = response.content[mediaType];
    if (!media) return fail(operationKey, `content type ${mediaType || '(none)'} is not documented (documented: ${Object.keys(response.content).join(', ')})`, null, res.body);
    if (!media.schema) return;
    const payload = /[/+]json$/.test(mediaType) ? res.body : res.text;
    const validate = this.validator(media.schema);
    if (!validate(payload)) fail(operationKey, 'the response body does not match the documented schema', validate.errors, payload);
  }

  private validator(schema: unknown): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as object);
      this.validators.set(key, validate);
    }
    return validate;
  }

  /** One readable listing of every mismatch, or '' when there are none. */
  report(): string {
    return this.mismatches
      .map((m) => {
        const lines = [`${m.operation} → ${m.status}: ${m.problem}`, ...(m.errors ?? []).map((e) => `    ${e}`)];
        if (m.body !== undefined) lines.push(`    body: ${truncate(JSON.stringify(m.body), 400)}`);
        return lines.join('\n');
      })
      .join('\n');
  }
}

function errorText(error: ErrorObject): string {
  const params = error.keyword === 'additionalProperties' ? ` (${(error.params as { additionalProperty: string }).additionalProperty})` : '';
  return `${error.instancePath || '(root)'} ${error.message ?? error.keyword}${params}  [${error.schemaPath}]`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
