import type { FastifyInstance } from 'fastify';

/**
 * The one-time setup page the first-run link opens: it posts the token from the link with the new
 * administrator's email and password to /api/v1/setup. (The full console arrives with the console issue.)
 */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Concierge setup</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}label{display:block;margin-top:1rem}input{width:100%;padding:.4rem;font:inherit}button{margin-top:1.5rem;padding:.5rem 1rem;font:inherit}#msg{margin-top:1rem}</style></head>
<body><main><h1>Set up Concierge</h1><p>Create the first administrator. This link works once.</p>
<form id="f"><label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Password (at least 12 characters)</label><input id="password" name="password" type="password" minlength="12" autocomplete="new-password" required>
<button type="submit">Create administrator</button></form><p id="msg" role="status" aria-live="polite"></p></main>
<script>
const token = new URLSearchParams(location.hash.slice(1)).get('token') || '';
document.getElementById('f').addEventListener('submit', async (e) => {
  e.preventDefault();
  const res = await fetch('/api/v1/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, email: email.value, password: password.value }) });
  const body = await res.json();
  document.getElementById('msg').textContent = res.ok ? 'Done: you are signed in as ' + body.email + '.' : body.title + ' ' + (body.hint || '');
});
</script></body></html>`;

export function setupPage(app: FastifyInstance): void {
  app.get('/setup', async (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(PAGE));
}
