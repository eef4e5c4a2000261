import { configFromEnv } from '../../api/src/config/trilha-config';
import { resolveJwtSecret, TokenService } from '../../api/src/platform';

/**
 * Talks to a running Trilha over HTTP as a short-lived `cli` admin, with a token signed by the
 * configured secret (the same secret the server uses).
 */
export class ApiClient {
  constructor(private readonly baseUrl: string, private readonly token: string) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env): ApiClient {
    const config = configFromEnv(env);
    const secret = resolveJwtSecret({ env: config.jwtSecret, dataDir: config.dataDir });
    const token = new TokenService(secret).sign({ sub: 'cli', role: 'admin', name: 'trilha cli' }, '5m');
    return new ApiClient(env.TRILHA_URL ?? `http://localhost:${config.port}`, token);
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.request<T>('POST', path, body, headers);
  }

  private async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const url = new URL(path, this.baseUrl);
    let response = await this.send(url, method, body, headers);
    // 429: the server refused the command before running it, so sending it again is safe.
    for (let retry = 0; response.status === 429 && retry < MAX_RATE_LIMIT_RETRIES; retry++) {
      await response.arrayBuffer();
      await sleep(retryAfterMs(response.headers.get('retry-after')));
      response = await this.send(url, method, body, headers);
    }
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) {
      const problem = parsed as { detail?: string; errors?: Array<{ field: string; message: string }> } | undefined;
      const fields = problem?.errors?.map((e) => `${e.field}: ${e.message}`) ?? [];
      throw new Error(`${method} ${url.pathname} answered ${response.status}: ${[problem?.detail ?? text, ...fields].join('; ')}`);
    }
    return parsed as T;
  }

  private async send(url: URL, method: string, body: unknown, headers: Record<string, string>): Promise<Response> {
    try {
      return await fetch(url, {
        method,
        headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new Error(`Cannot reach Trilha at ${this.baseUrl}: is it running (npm start)? Set TRILHA_URL to point elsewhere.`);
    }
  }
}

/** A long seed waits out the per-user command budget this many times per request at most. */
const MAX_RATE_LIMIT_RETRIES = 20;

/** `Retry-After` in seconds (the server's form), bounded to 1–60 s. */
function retryAfterMs(header: string | null): number {
  const seconds = Number(header);
  return Math.min(Math.max(Number.isFinite(seconds) ? seconds : 1, 1), 60) * 1000;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
