// A real OpenID Connect provider (oidc-provider) for the sign-in tests, with a login form of its own.
//
// Usage: node tests/signin/provider.mjs config.json   (or OIDC_PROVIDER_CONFIG=config.json)
// The config, written by tests/signin/conftest.py:
//   { "port": 0, "issuer": "http://127.0.0.1:4010",
//     "client": { "client_id", "client_secret", "redirect_uris", "post_logout_redirect_uris",
//                 "application_type" (optional) },
//     "accounts": { "<login>": { "email": "...", "name": "..." } } }
// "port" 0 or absent: a free port, chosen when listening (no race with another server for a port
// picked beforehand); "issuer" absent: http://127.0.0.1:<that port>. The ready line names it.
//
// Why a form of its own rather than oidc-provider's devInteractions: those pages pull a web font
// from fonts.googleapis.com (no internet here) and let any login in; this one knows the test
// accounts (any non-empty password), says so when a login is unknown, and uses labelled fields a
// test can find by name.
// Prints "oidc-provider ready at <issuer>" once it answers; exits on SIGTERM or SIGINT.

import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

// The package lives in tests/node/node_modules (tests/node/package.json pins it), which is not on
// this file's own lookup path.
const packages = createRequire(new URL('../node/package.json', import.meta.url));
const { default: Provider, interactionPolicy } = await import(
  pathToFileURL(packages.resolve('oidc-provider')).href
);

const configPath = process.argv[2] || process.env.OIDC_PROVIDER_CONFIG;
if (!configPath) {
  console.error('usage: node provider.mjs <config.json> (or set OIDC_PROVIDER_CONFIG)');
  process.exit(2);
}
const config = JSON.parse(readFileSync(configPath, 'utf8'));

// Everything lives in memory: nothing to flush, so a stop signal ends the process at once.
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));

/** The subject of a login: stable across runs, opaque like a real provider's (conftest.subject). */
function subject(login) {
  return createHash('sha256').update(`toolkaart-test:${login}`).digest('hex').slice(0, 32);
}

const accounts = new Map(); // sub -> { login, email, name }
const subjects = new Map(); // login -> sub
for (const [login, { email, name }] of Object.entries(config.accounts)) {
  const sub = subject(login);
  accounts.set(sub, { login, email, name });
  subjects.set(login, sub);
}

const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;max-width:24rem;margin:3rem auto}label,input,button{display:block;margin:.4rem 0}</style>
</head>
<body><main><h1>${escapeHtml(title)}</h1>
${body}
</main></body>
</html>`;
}

// The client is registered as "native" so that its loopback redirect URI matches any port (one
// provider for every app server of a test session). oidc-provider then asks a native client's user
// for consent on every sign-in; the navigator is first party, so that check goes.
const policy = interactionPolicy.base();
policy.get('consent').checks.remove('native_client_prompt');

let handle = (req, res) => send(res, 503, page('Fout', '<p role="alert">Nog niet klaar.</p>'));
const server = createServer(async (req, res) => {
  const match = /^\/interaction\/([\w-]+)(?:\/(login|consent|abort))?\/?$/.exec(req.url.split('?')[0]);
  if (!match) return handle(req, res);
  try {
    await interaction(req, res, match[1], match[2]);
  } catch (error) {
    console.error(error);
    if (!res.headersSent) send(res, 400, page('Fout', `<p role="alert">${escapeHtml(error.message)}</p>`));
  }
});
server.listen(config.port || 0, '127.0.0.1');
await once(server, 'listening');
const issuer = config.issuer || `http://127.0.0.1:${server.address().port}`;

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  clients: [config.client],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  // st.user shows only what is in the ID token, so email and name go there, not just to userinfo.
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  conformIdTokenClaims: false,
  // Lifetimes of its own (seconds) keep the log to what matters: the defaults each print a notice.
  ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  interactions: { policy, url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource(ctx, form) {
        ctx.type = 'html';
        ctx.body = page(
          'Uitloggen bij de testprovider',
          `${form}<p>Wilt u ook bij de testprovider uitloggen?</p>
<button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, uitloggen</button>
<button type="submit" form="op.logoutForm">Nee, ingelogd blijven</button>`,
        );
      },
      postLogoutSuccessSource(ctx) {
        ctx.type = 'html';
        ctx.body = page('Uitgelogd', '<p>U bent uitgelogd bij de testprovider.</p>');
      },
    },
  },
  async findAccount(ctx, sub) {
    const account = accounts.get(sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      async claims() {
        return { sub, email: account.email, email_verified: true, name: account.name };
      },
    };
  },
  // The navigator is a first-party client: its consent is given once and for all, as a
  // hospital's own identity provider would, so no consent screen interrupts the sign-in.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  renderError(ctx, out) {
    ctx.type = 'html';
    const lines = Object.entries(out).map(([k, v]) => `<p role="alert">${escapeHtml(k)}: ${escapeHtml(v)}</p>`);
    ctx.body = page('Fout bij de testprovider', lines.join('\n'));
  },
});

function loginForm(uid, { login = '', error = '' } = {}) {
  const alert = error ? `<p role="alert">${escapeHtml(error)}</p>` : '';
  return page(
    'Inloggen bij de testprovider',
    `${alert}<form method="post" action="/interaction/${uid}/login" autocomplete="off">
<label for="login">Gebruikersnaam</label>
<input id="login" name="login" value="${escapeHtml(login)}" required autofocus>
<label for="password">Wachtwoord</label>
<input id="password" name="password" type="password" required>
<button type="submit">Inloggen</button>
</form>
<p><a href="/interaction/${uid}/abort">Annuleren</a></p>`,
  );
}

function consentForm(uid, clientId) {
  return page(
    'Toestemming',
    `<p>${escapeHtml(clientId)} vraagt uw e-mailadres en naam.</p>
<form method="post" action="/interaction/${uid}/consent"><button type="submit">Toestaan</button></form>`,
  );
}

async function formBody(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return new URLSearchParams(text);
}

function send(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/** The interaction routes: /interaction/<uid>[/login|/consent|/abort]. */
async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, page('Fout', '<p role="alert">Onbekende interactie.</p>'));
  const { prompt, params, session, grantId } = details;
  if (req.method === 'GET' && !action) {
    if (prompt.name === 'login') return send(res, 200, loginForm(uid));
    if (prompt.name === 'consent') return send(res, 200, consentForm(uid, params.client_id));
    return send(res, 501, page('Fout', `<p role="alert">Niet ondersteund: ${escapeHtml(prompt.name)}</p>`));
  }
  if (req.method === 'GET' && action === 'abort') {
    return provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'End-User aborted interaction',
    }, { mergeWithLastSubmission: false });
  }
  if (req.method === 'POST' && action === 'login' && prompt.name === 'login') {
    const body = await formBody(req);
    const login = (body.get('login') || '').trim();
    const sub = subjects.get(login);
    if (!sub || !body.get('password')) {
      return send(res, 200, loginForm(uid, { login, error: `Onbekende gebruiker of leeg wachtwoord: ${login}` }));
    }
    return provider.interactionFinished(req, res, { login: { accountId: sub } }, {
      mergeWithLastSubmission: false,
    });
  }
  if (req.method === 'POST' && action === 'consent' && prompt.name === 'consent') {
    const grant = grantId
      ? await provider.Grant.find(grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, {
      mergeWithLastSubmission: true,
    });
  }
  return send(res, 405, page('Fout', '<p role="alert">Deze stap past hier niet.</p>'));
}

handle = provider.callback();
console.log(`oidc-provider ready at ${issuer}`);
