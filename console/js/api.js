// The console's one way to call the server: same origin, the session cookie, the CSRF token on every
// change, and every failure turned into an ApiError that says what failed, why, and how to fix it.

let csrfToken = '';

/** Remembers the session's CSRF token (from GET /api/v1/session, sign-in, setup or accept). */
export function setCsrf(token) {
  csrfToken = token || '';
}

/** A failed call: `why` and `fix` come from the server's problem+json (detail and hint). */
export class ApiError extends Error {
  constructor(status, problem = {}) {
    super(problem.title || problem.detail || `The server answered ${status}.`);
    this.status = status;
    this.code = problem.code || (status === 0 ? 'NetworkError' : 'HttpError');
    this.why = problem.detail || problem.title || `The server answered with status ${status}.`;
    this.fix = problem.hint || (status >= 500 ? 'Try again in a moment; if it persists, tell your administrator the request id.' : 'Check what you entered and try again.');
    this.requestId = problem.requestId;
    this.body = problem;
  }
}

const networkProblem = (err) => new ApiError(0, { title: 'The server could not be reached.', detail: `The request did not get an answer (${err.message}).`, hint: 'Check your network connection and that Concierge is running, then try again.' });

async function send(method, path, body, accept) {
  const headers = { accept };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (err) {
    throw networkProblem(err);
  }
}

async function failure(res) {
  let problem = {};
  const type = res.headers.get('content-type') || '';
  if (type.includes('json')) problem = await res.json().catch(() => ({}));
  return new ApiError(res.status, problem);
}

/**
 * Calls a JSON API. Resolves with the parsed body on 2xx; otherwise throws ApiError (its `body` keeps
 * the whole answer, e.g. the analyzer's steps when a link is refused with 422).
 */
export async function api(method, path, body) {
  const res = await send(method, path, body, 'application/json');
  if (!res.ok) throw await failure(res);
  if (res.status === 204) return {};
  return res.json();
}

/**
 * Calls an API that answers application/x-ndjson and hands each line's object to `onLine` as soon as
 * it arrives (the analyzer's steps, the CSV import's rows). Resolves with the last line.
 */
export async function apiStream(path, body, onLine) {
  const res = await send('POST', path, body, 'application/x-ndjson');
  if (!res.ok) throw await failure(res);
  if (!(res.headers.get('content-type') || '').includes('ndjson')) {
    // A server without streaming answered in one piece: treat it as one line.
    const whole = await res.json();
    onLine(whole);
    return whole;
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let last;
  const emit = (text) => {
    if (!text.trim()) return;
    last = JSON.parse(text);
    onLine(last);
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        emit(buffered.slice(0, nl));
        buffered = buffered.slice(nl + 1);
      }
    }
  } catch (err) {
    if (err instanceof SyntaxError) throw new ApiError(502, { title: 'The server sent a line that is not JSON.', detail: err.message, hint: 'Try again; if it persists, report it.' });
    throw networkProblem(err);
  }
  emit(buffered + decoder.decode());
  return last;
}

/** The signed-in session ({ email, role, csrfToken, expiresAt }) or undefined; remembers its CSRF token. */
export async function currentSession() {
  try {
    const s = await api('GET', '/api/v1/session');
    setCsrf(s.csrfToken);
    return s;
  } catch (err) {
    if (err.status === 401) return undefined;
    throw err;
  }
}
