// The five flows of exegia-auth-bench (bench/main.cpp), driven by the official
// JavaScript client @supabase/supabase-js against an emulator that is already
// running (bench/run.sh starts one and passes its start-up line), so both
// clients meet the same server in the same run.
//
// Per flow: HTTP requests (/_emulator/stats, /auth/v1 and /rest/v1 only,
// diffed around each iteration), median and p99 wall time of the measured
// calls, and client CPU (process.cpuUsage, user + system, this process only).
// Setup steps (ID tokens from the local IdP, codes from the mailbox) are not
// timed and not counted, as on the C++ side.
//
// node bench.mjs --attach <start-line-file> [--iterations N] [--warmup N]
//                [--json out.json] [--prefix js] [--url project-url] [--only flow-id]
//
// --url points the measured client elsewhere (bench/network.sh: TLS and a
// delay relay in front of the emulator); setup steps and request counts still
// go straight to the emulator. --only runs one flow; with --iterations 1
// --warmup 0 that is a cold call: the first the measured client makes.
import { readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createClient } from '@supabase/supabase-js';

function options(argv) {
  const o = { iterations: 100, warmup: 10, prefix: 'js', attach: '', json: '', url: '', only: '' };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in o) || argv[i + 1] === undefined) throw new Error(`unknown or empty option ${argv[i]}`);
    o[key] = typeof o[key] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
  }
  if (!o.attach) throw new Error('--attach <file with the emulator start-up line> is required');
  return o;
}

const opt = options(process.argv);
const info = JSON.parse(readFileSync(opt.attach, 'utf8').split('\n')[0]);
const serviceHeaders = {
  apikey: info.secret_key,
  Authorization: `Bearer ${info.secret_key}`,
};

// The settings an app (not a browser) uses: no storage, no timers.
const appAuth = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };
// Setup steps (registering the Google user) use their own client, straight
// to the emulator, so they open none of the measured client's connections.
const setupClient = createClient(info.url, info.publishable_key, { auth: appAuth });

// The setup and counting calls carry the secret key, so they go through
// node:http: fetch marks every request with Sec-Fetch-Mode, and the emulator
// (like Supabase's gateway) refuses the secret key from a browser. Answers
// the parts of a fetch Response used here; redirects are not followed.
function serviceFetch(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers: { ...serviceHeaders, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve({
        status: res.statusCode,
        headers: { get: (name) => res.headers[name.toLowerCase()] ?? null },
        json: async () => JSON.parse(text),
      }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

// supabase-js reports failures as { error }; a benchmark of a failing flow
// would measure the wrong thing, so stop at once.
function ok({ data, error }, what) {
  if (error) throw new Error(`${what}: ${error.message ?? JSON.stringify(error)}`);
  return data;
}

async function apiRequests() {
  const r = await serviceFetch(`${info.url}/_emulator/stats`);
  const { requests } = await r.json();
  let total = 0;
  for (const [key, count] of Object.entries(requests)) {
    const path = key.split(' ')[1] ?? '';
    if (path.startsWith('/auth/v1') || path.startsWith('/rest/v1')) total += count;
  }
  return total;
}

// An ID token from the emulator's Google stand-in: authorize with
// login_hint (an immediate redirect with the code), then the code exchange.
async function idToken(email) {
  const issuer = info.issuers.google;
  const clientId = info.client_ids.google;
  const redirect = 'http://127.0.0.1:9/cb';
  const authorize = new URL(`${issuer}/authorize`);
  authorize.search = new URLSearchParams({
    client_id: clientId, redirect_uri: redirect, response_type: 'code',
    scope: 'openid email', state: 's', login_hint: email,
  }).toString();
  const r = await serviceFetch(authorize);
  const code = new URL(r.headers.get('location')).searchParams.get('code');
  const t = await serviceFetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code, redirect_uri: redirect, client_id: clientId,
    }).toString(),
  });
  return (await t.json()).id_token;
}

async function mailedCode(email) {
  const r = await serviceFetch(`${info.mailbox}/messages?to=${encodeURIComponent(email)}`);
  return (await r.json())[0].code;
}

// The profile check of exegia.auth: read the caller's own public.users row.
async function profileRow(userId) {
  return ok(await supabase.from('users').select('*').eq('id', userId).maybeSingle(), 'profile');
}

const email = (tag, i) => `${opt.prefix}-${tag}-${i}@bench.example`;

// A registered Google user, so every measured sign-in takes the ok path.
const googleEmail = email('google', 0);
const registered = ok(await setupClient.auth.signInWithIdToken(
  { provider: 'google', token: await idToken(googleEmail) }), 'first sign-in');
ok(await setupClient.from('users')
  .insert({ id: registered.user.id, display_name: 'Google user' }).select(), 'register');

// The measured client. A cold refresh or current-user call finds the session
// where an app that starts again finds it: in its storage (here in memory).
function measuredClient() {
  if (opt.only !== 'refresh' && opt.only !== 'user') {
    return createClient(opt.url || info.url, info.publishable_key, { auth: appAuth });
  }
  const stored = new Map([['sb-bench-auth-token', JSON.stringify(registered.session)]]);
  const storage = {
    getItem: (key) => stored.get(key) ?? null,
    setItem: (key, value) => { stored.set(key, value); },
    removeItem: (key) => { stored.delete(key); },
  };
  return createClient(opt.url || info.url, info.publishable_key, {
    auth: { ...appAuth, persistSession: true, storage, storageKey: 'sb-bench-auth-token' },
  });
}
const supabase = measuredClient();

// Adds up wall and CPU time of the awaited parts of one iteration.
class Meter {
  wallMs = 0;
  cpuUs = 0;
  async measure(part) {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const result = await part();
    const t1 = performance.now();
    const used = process.cpuUsage(cpu);
    this.wallMs += t1 - t0;
    this.cpuUs += used.user + used.system;
    return result;
  }
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))));
  return sorted[index];
}

async function run(id, flow, body) {
  if (opt.only && id !== opt.only) return null;
  // Warm-up: lets V8 compile the hot paths before anything is recorded.
  for (let i = 0; i < opt.warmup; i++) await body(-1 - i, new Meter());
  const wall = [];
  const cpu = [];
  let requests = 0;
  for (let i = 0; i < opt.iterations; i++) {
    const before = await apiRequests();
    const meter = new Meter();
    await body(i, meter);
    requests += (await apiRequests()) - before;
    wall.push(meter.wallMs);
    cpu.push(meter.cpuUs);
  }
  return {
    id, flow,
    requests: requests / opt.iterations,
    median_ms: percentile(wall, 0.5),
    p99_ms: percentile(wall, 0.99),
    cpu_median_us: percentile(cpu, 0.5),
    cpu_mean_us: cpu.reduce((a, b) => a + b, 0) / cpu.length,
    // Every sample, so table.mjs can pool several rounds.
    wall_ms: wall, cpu_us: cpu,
  };
}

const rows = [];

rows.push(await run('anonymous', 'anonymous sign-up with profile', async (i, m) => {
  await m.measure(async () => {
    const { user } = ok(await supabase.auth.signInAnonymously(), 'signInAnonymously');
    const inserted = ok(await supabase.from('users')
      .insert({ id: user.id, display_name: 'Guest' }).select(), 'insert');
    if (inserted.length !== 1) throw new Error('insert returned no row');
  });
}));

rows.push(await run('email', 'email code request + verify + profile check', async (i, m) => {
  const address = email('otp', i);
  await m.measure(async () => ok(await supabase.auth.signInWithOtp({ email: address }), 'otp'));
  const code = await mailedCode(address);
  await m.measure(async () => {
    const { user } = ok(await supabase.auth.verifyOtp({ email: address, token: code, type: 'email' }),
      'verifyOtp');
    await profileRow(user.id);
  });
}));

rows.push(await run('idtoken', 'ID-token sign-in + profile check', async (i, m) => {
  const token = await idToken(googleEmail);
  await m.measure(async () => {
    const { user } = ok(await supabase.auth.signInWithIdToken({ provider: 'google', token }),
      'signInWithIdToken');
    if (!(await profileRow(user.id))) throw new Error('registered user without a profile row');
  });
}));

// A new Google user: sign-in, the profile check finds nothing, the insert.
rows.push(await run('newuser', 'ID-token sign-in + sign-up of a new user', async (i, m) => {
  const token = await idToken(email('new', i));
  await m.measure(async () => {
    const { user } = ok(await supabase.auth.signInWithIdToken({ provider: 'google', token }),
      'signInWithIdToken');
    if (await profileRow(user.id)) throw new Error('a new user with a profile row');
    const inserted = ok(await supabase.from('users')
      .insert({ id: user.id, display_name: 'New user' }).select(), 'insert');
    if (inserted.length !== 1) throw new Error('insert returned no row');
  });
}));

rows.push(await run('refresh', 'refresh session', async (i, m) => {
  await m.measure(async () => ok(await supabase.auth.refreshSession(), 'refreshSession'));
}));

rows.push(await run('user', 'current user + profile', async (i, m) => {
  await m.measure(async () => {
    const { user } = ok(await supabase.auth.getUser(), 'getUser');
    await profileRow(user.id);
  });
}));

// Not a library flow: one bare GET with node's fetch (which supabase-js
// uses), the floor under every request above.
rows.push(await run('floor', 'floor: one bare GET /auth/v1/health', async (i, m) => {
  await m.measure(async () => {
    const r = await fetch(`${opt.url || info.url}/auth/v1/health`, { headers: { apikey: info.publishable_key } });
    await r.json();
  });
}));

const pkg = JSON.parse(readFileSync(
  new URL('./node_modules/@supabase/supabase-js/package.json', import.meta.url), 'utf8'));
const result = {
  client: `supabase-js ${pkg.version}`, node: process.version,
  iterations: opt.iterations, warmup: opt.warmup, rows: rows.filter(Boolean),
};
if (opt.json) writeFileSync(opt.json, JSON.stringify(result, null, 2));
console.log(`supabase-js ${pkg.version} on node ${process.version}: ${opt.iterations} iterations ` +
  `per flow (after ${opt.warmup} warm-up)\n`);
console.log('| flow | HTTP requests | median ms | p99 ms | client CPU median us | client CPU mean us |');
console.log('|---|---|---|---|---|---|');
for (const r of result.rows) {
  console.log(`| ${r.flow} | ${r.requests.toFixed(2)} | ${r.median_ms.toFixed(2)} | ` +
    `${r.p99_ms.toFixed(2)} | ${r.cpu_median_us.toFixed(0)} | ${r.cpu_mean_us.toFixed(0)} |`);
}
