/** Outlook on the web, as far as a misdirected EWS client or a person with a browser sees it. */
export const OWA_LOGON_PATH = '/owa/auth/logon.aspx';

export function owaRedirectLocation(protocol: string, host: string): string {
  return `${protocol}://${host}${OWA_LOGON_PATH}?replaceCurrent=1&url=${encodeURIComponent(`${protocol}://${host}/owa/`)}`;
}

export const OWA_LOGON_PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Outlook</title></head>
<body><form action="/owa/auth.owa" method="post" name="logonForm">
<h1>Outlook</h1>
<label for="username">Domain\\user name:</label> <input id="username" name="username" type="text">
<label for="password">Password:</label> <input id="password" name="password" type="password">
<input type="submit" value="sign in">
</form><p>This is Outlook on the web, not Exchange Web Services. EWS lives at /EWS/Exchange.asmx.</p></body></html>`;
