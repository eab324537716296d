// Joins the result files of bench/run.sh (exegia-auth-bench --json and
// bench.mjs --json, one per round) into the side-by-side Markdown table and
// the data file the gnuplot chart reads. Samples of all rounds are pooled
// before taking percentiles, so alternating rounds spread any passing load
// on the machine over both clients.
// node table.mjs --ours a.json,b.json --theirs c.json,d.json --table t.md --data f.dat [--note text]
import { readFileSync, writeFileSync } from 'node:fs';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const required of ['ours', 'theirs', 'table', 'data']) {
  if (!args[required]) throw new Error(`--${required} is required`);
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))));
  return sorted[index];
}

// One summary per flow id over every file's samples, in the first file's order.
function pool(fileList) {
  const files = fileList.split(',').map((f) => JSON.parse(readFileSync(f, 'utf8')));
  const flows = new Map();
  for (const file of files) {
    for (const row of file.rows) {
      const f = flows.get(row.id) ?? { id: row.id, flow: row.flow, wall: [], cpu: [], requests: [] };
      f.wall.push(...row.wall_ms);
      f.cpu.push(...row.cpu_us);
      f.requests.push(row.requests);
      flows.set(row.id, f);
    }
  }
  const summary = new Map();
  for (const f of flows.values()) {
    summary.set(f.id, {
      id: f.id, flow: f.flow, samples: f.wall.length,
      // Requests per flow are the same every round; the mean shows if not.
      requests: f.requests.reduce((a, b) => a + b, 0) / f.requests.length,
      median_ms: percentile(f.wall, 0.5),
      p99_ms: percentile(f.wall, 0.99),
      cpu_mean_us: f.cpu.reduce((a, b) => a + b, 0) / f.cpu.length,
    });
  }
  return { meta: files[0], rounds: files.length, rows: summary };
}

const ours = pool(args.ours);
const theirs = pool(args.theirs);

// Short names for the chart's axis; the table keeps the full ones.
const shortName = {
  anonymous: 'guest sign-up', email: 'email code', idtoken: 'ID token',
  refresh: 'refresh', user: 'current user', floor: 'bare GET (floor)',
};
const fixed = (v, digits) => v.toFixed(digits);
const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : 'n/a');
const anyRow = ours.rows.values().next().value;

const lines = [
  `exegia-auth (C++/Qt) vs ${theirs.meta.client} (node ${theirs.meta.node}), one emulator, one run: ` +
    `${ours.rounds} alternating rounds, ${anyRow.samples} samples per flow and client ` +
    `(after ${ours.meta.warmup} warm-up runs per round). Ratio = ours / theirs; lower is better for ours.`,
  '',
  '| flow | HTTP requests ours / theirs | median ms ours / theirs | ratio | ' +
    'p99 ms ours / theirs | ratio | client CPU µs ours / theirs | ratio |',
  '|---|---|---|---|---|---|---|---|',
];
const data = ['# flow  ours_median_ms theirs_median_ms ours_p99_ms theirs_p99_ms ' +
  'ours_cpu_us theirs_cpu_us ours_requests theirs_requests'];
for (const o of ours.rows.values()) {
  const t = theirs.rows.get(o.id);
  if (!t) throw new Error(`flow ${o.id} is missing from ${args.theirs}`);
  lines.push(`| ${o.flow} | ${fixed(o.requests, 2)} / ${fixed(t.requests, 2)} | ` +
    `${fixed(o.median_ms, 2)} / ${fixed(t.median_ms, 2)} | ${ratio(o.median_ms, t.median_ms)} | ` +
    `${fixed(o.p99_ms, 2)} / ${fixed(t.p99_ms, 2)} | ${ratio(o.p99_ms, t.p99_ms)} | ` +
    `${fixed(o.cpu_mean_us, 0)} / ${fixed(t.cpu_mean_us, 0)} | ` +
    `${ratio(o.cpu_mean_us, t.cpu_mean_us)} |`);
  data.push([JSON.stringify(shortName[o.id] ?? o.flow), o.median_ms, t.median_ms, o.p99_ms,
    t.p99_ms, o.cpu_mean_us, t.cpu_mean_us, o.requests, t.requests].join(' '));
}
lines.push('', 'Wall time: the measured calls of one flow (setup such as reading the code from ' +
  'the mailbox is left out). Client CPU: mean user + system time per flow of the client process ' +
  '(getrusage for ours, process.cpuUsage for node); the emulator is a separate process. ' +
  'Requests: /auth/v1 and /rest/v1 only, from GET /_emulator/stats diffed around each flow. ' +
  'The last row is no library flow: one bare GET on each runtime\'s HTTP stack ' +
  '(QNetworkAccessManager, fetch), the floor under every request.');
if (args.note) lines.push('', args.note);
writeFileSync(args.table, lines.join('\n') + '\n');
writeFileSync(args.data, data.join('\n') + '\n');
process.stdout.write(lines.join('\n') + '\n');
