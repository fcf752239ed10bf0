// Reads of the REST API, same origin only. Errors are problem+json with a stable `code`.

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

// ----- the read token ------------------------------------------------------------------------
// A server started with CITYGRAPH_READ_AUTH=1 answers reads only with a bearer token. The page
// keeps the token the user gives in sessionStorage (this tab only, gone when it closes) and sends
// it with every request; a 401 asks for one.

const TOKEN_KEY = "citygraph-token";
const listeners: (() => void)[] = [];

export function token(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(value: string | null) {
  try {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage refused (private mode): the token lasts until the page is left
  }
}

/** Calls `f` when an answer says a token is needed (or the one given is refused). */
export function onTokenNeeded(f: () => void) {
  listeners.push(f);
}

/** The headers of every request: JSON, and the token when there is one. */
export function headers(extra: Record<string, string> = {}): Record<string, string> {
  const h: Record<string, string> = { Accept: "application/json", ...extra };
  const t = token();
  if (t) h.Authorization = `Bearer ${t}`;
  return h;
}

async function problem(r: Response): Promise<ApiError> {
  if (r.status === 401) for (const f of listeners) f();
  let code = "http_" + r.status;
  let detail = r.statusText;
  try {
    const p = await r.json();
    code = p.code ?? code;
    detail = p.detail ?? p.title ?? detail;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(r.status, code, detail);
}

// Analytics share a few computation slots on the server (more answer 503): this page sends one
// analytics request at a time, so it never takes more than one slot, and waits as told on a 503.
let analyticsTail: Promise<unknown> = Promise.resolve();

function queued<T>(path: string, run: () => Promise<T>): Promise<T> {
  if (!path.startsWith("/v1/analytics/")) return run();
  const next = analyticsTail.then(run, run);
  analyticsTail = next.catch(() => undefined);
  return next;
}

/** GET a JSON answer; throws an ApiError on a non-2xx answer. */
export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return queued(path, async () => {
    for (let attempt = 0; ; attempt++) {
      const r = await fetch(path, { headers: headers(), signal });
      if (r.ok) return (await r.json()) as T;
      const wait = Number(r.headers.get("Retry-After") ?? "");
      if (r.status === 503 && attempt < 5 && wait > 0) {
        await new Promise((res) => setTimeout(res, Math.min(wait, 10) * 1000));
        continue;
      }
      throw await problem(r);
    }
  });
}

/** Downloads `path` as `filename` (a fetch, so the token goes with it; a plain link could not
 * send it). */
export async function download(path: string, filename: string) {
  const r = await fetch(path, { headers: headers({ Accept: "*/*" }) });
  if (!r.ok) throw await problem(r);
  const url = URL.createObjectURL(await r.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A query string of the parameters that are set. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "") u.set(k, String(v));
  }
  const s = u.toString();
  return s ? "?" + s : "";
}

/** GET with If-None-Match: null when the resource has not changed since `etag`. */
export async function getIfChanged<T>(
  path: string,
  etag: string | null,
): Promise<{ body: T; etag: string | null } | null> {
  const r = await fetch(path, { headers: headers(etag ? { "If-None-Match": etag } : {}), cache: "no-store" });
  if (r.status === 304) return null;
  if (!r.ok) throw await problem(r);
  return { body: (await r.json()) as T, etag: r.headers.get("ETag") };
}

// ---------------------------------------------------------------------------------------------
// Jobs (POST /v1/jobs): a slow query runs in the background with progress. When the server has
// no jobs route (404), the synchronous GET route answers the same query. Kept in this one place.

export interface JobView {
  id: string;
  state: "enqueued" | "processing" | "succeeded" | "failed" | "canceled";
  progress: number;
  eta_seconds: number | null;
  result_url: string | null;
  error: { code?: string; detail?: string; title?: string } | null;
}

export interface JobRun<T> {
  result: Promise<T>;
  cancel: () => void;
}

let jobsRoute: Promise<boolean> | null = null;

/** Whether this server offers jobs: its own OpenAPI document lists `POST /v1/jobs`. */
export function jobsAvailable(): Promise<boolean> {
  jobsRoute ??= getJson<{ paths?: Record<string, Record<string, unknown>> }>("/openapi.json")
    .then((doc) => !!doc.paths?.["/v1/jobs"]?.post)
    .catch(() => false);
  return jobsRoute;
}

/**
 * Runs `query` with `params` as a job, reporting progress (0..1) to `onProgress`, and falls back
 * to `GET syncPath` when the server has no jobs (its OpenAPI document lists no `POST /v1/jobs`, or
 * the route answers 404 or 405).
 */
export function runJob<T>(
  query: string,
  params: Record<string, string | number | boolean>,
  syncPath: string,
  onProgress: (fraction: number, eta: number | null) => void,
): JobRun<T> {
  const abort = new AbortController();
  let jobUrl: string | null = null;
  let secret: string | null = null;
  const result = (async (): Promise<T> => {
    if (!(await jobsAvailable())) {
      onProgress(0, null);
      return getJson<T>(syncPath, abort.signal);
    }
    const r = await fetch("/v1/jobs", {
      method: "POST",
      headers: headers({ "Content-Type": "application/json" }),
      body: JSON.stringify({ query, params }),
      signal: abort.signal,
    });
    if (r.status === 404 || r.status === 405) {
      onProgress(0, null);
      return getJson<T>(syncPath, abort.signal);
    }
    if (!r.ok) throw await problem(r);
    const created = (await r.json()) as JobView & { secret?: string };
    secret = created.secret ?? null;
    jobUrl = r.headers.get("Location") ?? `/v1/jobs/${created.id}`;
    let job: JobView = created;
    let wait = 150;
    while (job.state === "enqueued" || job.state === "processing") {
      onProgress(job.progress ?? 0, job.eta_seconds ?? null);
      await new Promise((res) => setTimeout(res, wait));
      wait = Math.min(wait * 1.5, 1000);
      job = await getJson<JobView>(jobUrl, abort.signal);
    }
    if (job.state !== "succeeded") {
      const e = job.error ?? {};
      throw new ApiError(500, e.code ?? "job_" + job.state, e.detail ?? e.title ?? `the job ${job.state}`);
    }
    onProgress(1, 0);
    return getJson<T>(job.result_url ?? `${jobUrl}/result`, abort.signal);
  })();
  const cancel = () => {
    abort.abort();
    if (jobUrl && secret) {
      // Free the server's slot; the answer does not matter.
      void fetch(jobUrl, { method: "DELETE", headers: { "X-Job-Secret": secret } }).catch(() => undefined);
    }
  };
  return { result, cancel };
}
