import type { AuthorizeRequest } from './authorize-request.js';

/**
 * The account-linking pages Alexa's app opens (server-rendered, no script: the CSP allows none). Every
 * value is escaped; the OAuth parameters travel as hidden fields so each form re-checks them.
 */

export const LINK_STYLESHEET_PATH = '/alexa/link.css';

export const LINK_STYLESHEET = `body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f5f7;color:#1d2330}
main{max-width:28rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:1.35rem;margin:0 0 1rem}label{display:block;margin:.75rem 0 .25rem;font-weight:600}
input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:.6rem;font:inherit;border:1px solid #9aa3b2;border-radius:.3rem}
button{font:inherit;padding:.6rem 1.2rem;margin:1rem .5rem 0 0;border-radius:.3rem;border:1px solid #1f5fbf;background:#1f5fbf;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1f5fbf}.alert{padding:.75rem;border-radius:.3rem;background:#fdecea;color:#8a1c12}
.hint{color:#4a5261;font-size:.9rem}ul{padding-left:1.2rem}`;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)} - Concierge</title>
<link rel="stylesheet" href="${LINK_STYLESHEET_PATH}"></head>
<body><main>
${body}
</main></body></html>
`;
}

function hiddenFields(request: AuthorizeRequest): string {
  const fields: [string, string | undefined][] = [
    ['response_type', 'code'],
    ['client_id', request.clientId],
    ['redirect_uri', request.redirectUri],
    ['scope', request.scope],
    ['state', request.state],
  ];
  return fields
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('\n');
}

/** The query string that restarts this authorization request (for "sign in as someone else"). */
export function authorizeQuery(request: AuthorizeRequest, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ response_type: 'code', client_id: request.clientId, redirect_uri: request.redirectUri, scope: request.scope, ...(request.state !== undefined ? { state: request.state } : {}), ...extra });
  return q.toString();
}

export function signInPage(request: AuthorizeRequest, opts: { readonly problem?: string; readonly email?: string } = {}): string {
  return page(
    'Link Alexa',
    `<h1>Link Alexa to Concierge</h1>
<p>Sign in with your Concierge account: the one you created from your invitation.</p>
${opts.problem ? `<p class="alert" role="alert">${escapeHtml(opts.problem)}</p>` : ''}
<form method="post" action="/alexa/link/sign-in">
${hiddenFields(request)}
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(opts.email ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
<p class="hint">Forgot your password, or never got an invitation? Ask your Concierge administrator.</p>`,
  );
}

export function consentPage(request: AuthorizeRequest, who: { readonly email: string; readonly mailbox: string }, csrfToken: string): string {
  return page(
    'Allow Alexa',
    `<h1>Allow Alexa to use your calendar?</h1>
<p>You are signed in as <strong>${escapeHtml(who.email)}</strong>.</p>
<p>If you allow it, Alexa can, when you ask:</p>
<ul>
<li>read the events in your Exchange calendar (<strong>${escapeHtml(who.mailbox)}</strong>);</li>
<li>schedule, move and cancel events for you, each only after you say yes.</li>
</ul>
<p class="hint">You can end this at any time by disabling the Concierge skill in the Alexa app; your administrator can end it too.</p>
<form method="post" action="/alexa/link/consent">
${hiddenFields(request)}
<input type="hidden" name="csrf" value="${escapeHtml(csrfToken)}">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</form>
<p class="hint">Not you? <a href="/alexa/link?${escapeHtml(authorizeQuery(request, { prompt: 'login' }))}">Sign in as someone else</a>.</p>`,
  );
}

export function linkCalendarFirstPage(who: { readonly email: string }, consoleMeUrl: string): string {
  return page(
    'Link your calendar first',
    `<h1>Link your calendar first</h1>
<p class="alert" role="alert">You are signed in as <strong>${escapeHtml(who.email)}</strong>, but this Concierge account is not connected to an Exchange calendar yet, so Alexa would have nothing to read.</p>
<p>Open <a href="${escapeHtml(consoleMeUrl)}">your page in the Concierge console</a> and link your calendar. Then go back to the Alexa app and link the Concierge skill again.</p>
<p class="hint">If linking your calendar fails there, the page says why; your administrator can help.</p>`,
  );
}

export function errorPage(title: string, detail: string, hint: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p class="alert" role="alert">${escapeHtml(detail)}</p>\n<p>${escapeHtml(hint)}</p>`);
}
