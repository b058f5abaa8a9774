/** One HTTP exchange as the EWS layer sees it. Bodies are whole strings: EWS answers are bounded in size. */
export interface HttpRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** EWS operation name, for logs, metrics and the retry policy. */
  readonly operation: string;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case; repeated headers (WWW-Authenticate) as arrays. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: string;
}

/**
 * Sends one request. Layers (auth, retry, wire log) wrap a base transport; a test can plug the
 * simulator's handler in directly, without a socket.
 */
export interface Transport {
  send(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

export function headerValues(res: HttpResponse, name: string): string[] {
  const v = res.headers[name.toLowerCase()];
  if (v === undefined) return [];
  return typeof v === 'string' ? [v] : [...v];
}
