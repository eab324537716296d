// Joins what bench/network.sh collected (per client process: the bench's
// JSON, the delay relay's counters before and after, the nginx log lines it
// caused) into the Markdown table of bench/results/network.md and the data
// file bench/network.gp draws.
// node table.mjs --dir out --rtt 40 --flows a,b,c --table t.md --data d.dat [--note text]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const required of ['dir', 'rtt', 'flows', 'table', 'data']) {
  if (!args[required]) throw new Error(`--${required} is required`);
}
const rtt = Number(args.rtt);
const flowIds = args.flows.split(',');
const files = readdirSync(args.dir);
const read = (name) => readFileSync(join(args.dir, name), 'utf8');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

// What one process did on the wire: relay counters and the nginx lines
// ("<connection> <n-th request on it> <protocol> <tls> <method> <path> <status>").
function wire(name) {
  const before = JSON.parse(read(`${name}.relay-before`));
  const after = JSON.parse(read(`${name}.relay-after`));
  const lines = read(`${name}.nginx`).split('\n').filter(Boolean).map((l) => l.split(' '));
  return {
    connections: after.connections - before.connections,
    round_trips: after.round_trips - before.round_trips,
    requests: lines.length,
    protocols: [...new Set(lines.map((l) => `${l[2]} ${l[3]}`))],
    lines,
  };
}

// Cold: one sample per process; warm: every sample of both rounds, and per
// process the relay's round trips with the first (cold) call's share taken
// off, divided by the calls after it.
function collect(client) {
  const flows = new Map(flowIds.map((id) => [id, { cold: [], coldWire: [], warm: [], warmProcesses: [] }]));
  for (const file of files.filter((f) => f.startsWith(`${client}-`) && f.endsWith('.json'))) {
    const name = file.slice(0, -'.json'.length);
    const json = JSON.parse(read(file));
    for (const row of json.rows) {
      const f = flows.get(row.id);
      if (!f) continue;
      f.name = row.flow;
      if (name.includes('-cold-')) {
        f.cold.push(...row.wall_ms);
        f.coldWire.push(wire(name));
      } else {
        f.warm.push(...row.wall_ms);
        f.warmProcesses.push({ calls: json.iterations + json.warmup, wire: wire(name) });
      }
    }
  }
  return flows;
}

// Across the warm processes of a client: protocols, connections, and
// whether /auth/v1 and /rest/v1 requests ever travelled on one connection.
function warmConnections(client) {
  const names = files.filter((f) => f.startsWith(`${client}-warm-`) && f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length));
  let connections = 0, requests = 0, shared = 0;
  const protocols = new Set();
  for (const name of names) {
    const w = wire(name);
    connections += w.connections;
    requests += w.requests;
    w.protocols.forEach((p) => protocols.add(p));
    const paths = new Map();
    for (const l of w.lines) {
      const set = paths.get(l[0]) ?? new Set();
      set.add(l[5].split('/').slice(0, 3).join('/'));
      paths.set(l[0], set);
    }
    for (const set of paths.values()) if (set.has('/auth/v1') && set.has('/rest/v1')) shared++;
  }
  return { processes: names.length, connections, requests, protocols: [...protocols], shared };
}

const ours = collect('ours');
const theirs = collect('theirs');
// Ours once more, cold but pre-connected as the app does at start and on the
// sign-in page (bench --preconnect): the handshakes are paid before the call.
const pre = collect('ourspre');
const preCold = (id) => (pre.get(id)?.cold.length ? median(pre.get(id).cold).toFixed(1) : '?');
const fmt = (v) => v.toFixed(0);
const ratio = (a, b) => (a / b).toFixed(2);
// Round trips of one warm call, counted at the relay.
function warmTrips(f) {
  const cold = median(f.coldWire.map((w) => w.round_trips));
  const perCall = f.warmProcesses.map((p) => (p.wire.round_trips - cold) / (p.calls - 1));
  return Math.round(mean(perCall) * 10) / 10;
}
const mean = (values) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const wireMean = (f, key) => mean(f.coldWire.map((w) => w[key]));

// Chart labels: the flows' names are too long for the x axis.
const shortName = {
  anonymous: 'anonymous\\nsign-up', email: 'email code\\n+ verify', idtoken: 'ID-token\\nsign-in',
  newuser: 'new user\\nsign-up', refresh: 'refresh', user: 'current user\\n+ profile', floor: 'floor:\\none GET',
};
const out = [];
const dat = ['# flow cold_ours cold_theirs warm_ours warm_theirs trips_warm_ours trips_warm_theirs trips_cold_ours trips_cold_theirs cold_ours_preconnected'];
out.push('Round trips, counted at the relay (a TCP handshake, or a client flight the server ' +
  'answered): warm = per call after the first, mean over the warm processes; cold = the first call ' +
  `of a fresh process, median. Times are medians in ms at ${rtt} ms RTT; ratio = ours / theirs.`, '');
out.push('| flow | round trips ours / theirs | cold ms ours / theirs | cold ratio | warm ms ours / theirs | warm ratio |');
out.push('|---|---|---|---|---|---|');
for (const id of flowIds) {
  const o = ours.get(id), t = theirs.get(id);
  if (!o.cold.length || !t.cold.length || !o.warm.length || !t.warm.length) continue;
  const [co, ct, wo, wt] = [median(o.cold), median(t.cold), median(o.warm), median(t.warm)];
  const [ro, rt] = [o, t].map((f) => median(f.coldWire.map((w) => w.round_trips)));
  const [wro, wrt] = [warmTrips(o), warmTrips(t)];
  out.push(`| ${o.name} | ${wro} / ${wrt} (cold ${ro} / ${rt}) | ` +
    `${fmt(co)} / ${fmt(ct)} | ${ratio(co, ct)} | ${fmt(wo)} / ${fmt(wt)} | ${ratio(wo, wt)} |`);
  dat.push(`"${shortName[id] ?? id}" ${co.toFixed(1)} ${ct.toFixed(1)} ${wo.toFixed(1)} ` +
    `${wt.toFixed(1)} ${wro} ${wrt} ${ro} ${rt} ${preCold(id)}`);
}

out.push('', 'What a cold call put on the wire (mean per process): API requests (nginx log), TCP ' +
  'connections and round trips (the relay: handshakes and answered client flights, summed over ' +
  'connections), protocol (nginx).', '');
out.push('| flow | requests ours / theirs | connections ours / theirs | round trips ours / theirs | protocol ours / theirs |');
out.push('|---|---|---|---|---|');
for (const id of flowIds) {
  const o = ours.get(id), t = theirs.get(id);
  if (!o.coldWire.length || !t.coldWire.length) continue;
  const n = (f, key) => wireMean(f, key).toFixed(1).replace(/\.0$/, '');
  const protocols = (f) => [...new Set(f.coldWire.flatMap((w) => w.protocols))].join(', ');
  out.push(`| ${o.name} | ${n(o, 'requests')} / ${n(t, 'requests')} | ${n(o, 'connections')} / ` +
    `${n(t, 'connections')} | ${n(o, 'round_trips')} / ${n(t, 'round_trips')} | ${protocols(o)} / ${protocols(t)} |`);
}

if ([...pre.values()].some((f) => f.cold.length)) {
  out.push('', 'Cold, pre-connected: a fresh process of ours that pre-connected as the app does ' +
    '(when it starts and when the sign-in page shows) and called after a pause; supabase-js has ' +
    'no pre-connect, its time is the cold one above. Round trips of the call: the relay\'s count ' +
    'for the process less 3 per connection (TCP, the TLS hello, and the TLS Finished that the ' +
    'server answers with session tickets: the pre-connect\'s share), median; connections: all ' +
    'the process opened. The floor row is left out: its bare QNetworkAccessManager is not the ' +
    'one the library pre-connects.', '');
  out.push('| flow | cold ms ours pre-connected / theirs | ratio | round trips of the call ours / theirs | connections ours / theirs |');
  out.push('|---|---|---|---|---|');
  for (const id of flowIds.filter((f) => f !== 'floor')) {
    const p = pre.get(id), t = theirs.get(id);
    if (!p.cold.length || !t.cold.length) continue;
    const [cp, ct] = [median(p.cold), median(t.cold)];
    const rp = median(p.coldWire.map((w) => w.round_trips - 3 * w.connections));
    const rt = median(t.coldWire.map((w) => w.round_trips));
    const [np, nt] = [p, t].map((f) => median(f.coldWire.map((w) => w.connections)));
    out.push(`| ${p.name} | ${fmt(cp)} / ${fmt(ct)} | ${ratio(cp, ct)} | ${rp} / ${rt} | ${np} / ${nt} |`);
  }
}

out.push('', 'Warm processes (one per flow, warm-up included):', '');
for (const [client, label] of [['ours', 'exegia-auth'], ['theirs', 'supabase-js']]) {
  const w = warmConnections(client);
  out.push(`- ${label}: ${w.requests} requests on ${w.connections} TCP connections in ${w.processes} ` +
    `processes, ${w.protocols.join(', ')}; connections that carried both /auth/v1 and /rest/v1: ${w.shared}`);
}
const samples = `${mean([...ours.values()].map((f) => f.cold.length)).toFixed(0)} cold processes and ` +
  `${mean([...ours.values()].map((f) => f.warm.length)).toFixed(0)} warm calls per flow and client`;
out.push('', `${samples}.`);
if (args.note) out.push('', args.note);

const text = `${out.join('\n')}\n`;
writeFileSync(args.table, text);
writeFileSync(args.data, `${dat.join('\n')}\n`);
process.stdout.write(text);
