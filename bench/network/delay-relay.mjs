// A TCP relay on loopback that adds a network's latency, for bench/network.sh:
// every byte waits rtt/2 in each direction, and a new connection pays one
// more RTT before its first byte reaches the server (the SYN / SYN-ACK
// exchange the kernel answers at once on loopback). No root, no tc, no
// reordering: each direction keeps its byte order.
//
// It also counts what it sees: connections, and round trips. A round trip is
// a TCP handshake, or a client flight (bytes sent between two pieces of
// server data) that the server answered: server data that leaves the server
// after the flight reached it and before the next flight did. A flight
// nothing answers (an HTTP/2 SETTINGS ack, a TLS 1.3 client Finished sent
// with the request) costs no wait and is not counted. Connections are summed,
// so requests sent in parallel on separate connections count once each: an
// upper bound on the waits in a row. GET / on the control port answers the
// counters as JSON.
//
// node delay-relay.mjs --upstream PORT --rtt MS
// Prints one line {"port": relay port, "control": control port} when ready.
import { createServer, connect } from 'node:net';
import { createServer as createHttpServer } from 'node:http';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const upstreamPort = Number(args.upstream);
const rtt = Number(args.rtt ?? 40);
if (!upstreamPort || !(rtt >= 0)) throw new Error('usage: delay-relay.mjs --upstream PORT --rtt MS');
const oneWay = rtt / 2;

const counters = { connections: 0, round_trips: 0, bytes_up: 0, bytes_down: 0 };

// Writes chunks to `to` no earlier than their due time and never out of
// order; onDelivered(chunk) runs once it is written.
function delayedPipe(from, to, dueOf, onChunk, onDelivered = () => {}) {
  let lastDue = 0;
  let pending = 0;
  let ended = false;
  const flushEnd = () => { if (ended && pending === 0) to.end(); };
  from.on('data', (chunk) => {
    const due = Math.max(dueOf(), lastDue);
    lastDue = due;
    onChunk(chunk);
    pending++;
    setTimeout(() => {
      pending--;
      if (!to.destroyed) to.write(chunk);
      onDelivered(chunk);
      flushEnd();
    }, Math.max(0, due - performance.now()));
  });
  from.on('end', () => { ended = true; flushEnd(); });
}

function relay(client) {
  const opened = performance.now();
  counters.connections++;
  counters.round_trips++; // the TCP handshake
  const server = connect({ host: '127.0.0.1', port: upstreamPort });
  client.setNoDelay(true);
  server.setNoDelay(true);
  // Flights are numbered as the client sends them; the server has seen up to
  // `delivered`; `answered` is the last flight some server data answered.
  let flight = 0;
  let upLast = false;
  const flightOf = new WeakMap();
  let delivered = 0;
  let answered = 0;
  // Nothing the client sends leaves before its handshake would have ended.
  delayedPipe(client, server, () => Math.max(performance.now(), opened + rtt) + oneWay, (chunk) => {
    counters.bytes_up += chunk.length;
    if (!upLast) flight++;
    upLast = true;
    flightOf.set(chunk, flight);
  }, (chunk) => { delivered = flightOf.get(chunk); });
  delayedPipe(server, client, () => performance.now() + oneWay, (chunk) => {
    counters.bytes_down += chunk.length;
    if (delivered > answered) {
      answered = delivered;
      counters.round_trips++;
    }
  }, () => { upLast = false; }); // what the client sends next is a new flight
  const close = () => { client.destroy(); server.destroy(); };
  client.on('error', close);
  server.on('error', close);
  client.on('close', () => setTimeout(() => server.destroy(), rtt));
  server.on('close', () => setTimeout(() => client.destroy(), rtt));
}

const listener = createServer(relay);
const control = createHttpServer((req, res) => {
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(counters));
});
listener.listen(0, '127.0.0.1', () => {
  control.listen(0, '127.0.0.1', () => {
    console.log(JSON.stringify({ port: listener.address().port, control: control.address().port }));
  });
});
process.on('SIGTERM', () => process.exit(0));
