// Benchmark 6: heartbeats and event batches from many simulated agents against one master, with autocannon.
//
//   node load.js <agents.json> <master url> <heartbeat|events|mixed> <seconds> <connections>
//
// agents.json is [{id, key}], written by DockFlare.SystemBenchmarks after registering the agents. Each
// connection speaks for its own slice of the agents, one request at a time, so an agent's event sequence
// numbers always arrive in order (as a real agent sends them). Prints one JSON line with the figures.
'use strict';
const fs = require('fs');
const autocannon = require('autocannon');

const [agentsFile, url, mode, seconds, connections] = process.argv.slice(2);
const agents = JSON.parse(fs.readFileSync(agentsFile, 'utf8'));
const conns = Math.min(Number(connections), agents.length);
const eventsPerBatch = 5;
let nextConnection = 0;

function slice(context) {
  if (context.agents === undefined) {
    const c = nextConnection++ % conns;
    context.agents = agents.filter((_, i) => i % conns === c);
    context.turn = 0;
  }
  return context.agents;
}

function heartbeat(agent) {
  return {
    method: 'POST',
    path: `/api/v2/agents/${agent.id}/heartbeat`,
    headers: { authorization: `Bearer ${agent.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ agentVersion: 'bench', cloudflared: { state: 'running', containerName: 'cloudflared-bench' } }),
  };
}

// A batch of start/stop events over the agent's five containers: the stored list keeps its size.
function events(agent) {
  agent.seq = agent.seq || 0;
  const list = [];
  for (let i = 0; i < eventsPerBatch; i++) {
    agent.seq++;
    const n = agent.seq % 5;
    const name = `app-${n}`;
    list.push(agent.seq % 2 === 0
      ? { seq: agent.seq, type: 'container_stop', container: { id: `c${n}`, name, state: 'exited' } }
      : { seq: agent.seq, type: 'container_start', container: { id: `c${n}`, name, state: 'running',
          labels: { 'dockflare.enable': 'true', 'dockflare.hostname': `${name}-${agent.id.slice(0, 8)}.example.com`, 'dockflare.service': `http://${name}:80` } } });
  }
  return {
    method: 'POST',
    path: `/api/v2/agents/${agent.id}/events`,
    headers: { authorization: `Bearer ${agent.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sessionId: agent.session, events: list }),
  };
}

const session = `bench-${Date.now()}`;
for (const agent of agents) agent.session = session;
let sent = { heartbeat: 0, events: 0 };

const instance = autocannon({
  url,
  connections: conns,
  duration: Number(seconds),
  requests: [{
    setupRequest: (request, context) => {
      const mine = slice(context);
      const agent = mine[context.turn++ % mine.length];
      // mixed: one event batch for every four heartbeats.
      const useEvents = mode === 'events' || (mode === 'mixed' && context.turn % 5 === 0);
      sent[useEvents ? 'events' : 'heartbeat']++;
      const next = useEvents ? events(agent) : heartbeat(agent);
      // Keep autocannon's own headers (host) and add ours.
      return Object.assign(request, next, { headers: Object.assign({}, request.headers, next.headers) });
    },
  }],
}, (err, result) => {
  if (err) { console.error(err); process.exit(1); }
  const statuses = {};
  for (const [code, v] of Object.entries(result.statusCodeStats || {})) statuses[code] = v.count;
  console.log(JSON.stringify({
    mode, agents: agents.length, connections: conns, seconds: Number(seconds),
    requests: result.requests.total, rps: result.requests.average,
    p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max,
    errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, statuses, sent,
  }));
});
autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
