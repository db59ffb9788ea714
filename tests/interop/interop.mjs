// Interop checks against code this project did not write (issue "pnm-webhook-send", section
// "Proof against code we did not write"):
//  1. LiveKit's WebhookReceiver and a strict jsonwebtoken verification accept every request
//     pnm-webhook-send sends (captured by a small HTTP server here), and reject its fault flags.
//  2. pnm-webhook-monitor accepts what LiveKit's AccessToken (and jsonwebtoken) sign.
// Usage: node interop.mjs PATH/TO/pnm-webhook-send PATH/TO/pnm-webhook-monitor
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import http from 'node:http';
import jwt from 'jsonwebtoken';
import { AccessToken, WebhookReceiver } from 'livekit-server-sdk';

const [sendExe, monitorExe] = process.argv.slice(2);
const KEY = 'interop-key';
const SECRET = 'interop-secret-Ünïcode';
let failures = 0;
let checks = 0;

function check(condition, what) {
  checks += 1;
  if (!condition) {
    failures += 1;
    console.error(`FAIL: ${what}`);
  }
}

function run(exe, args) {
  return new Promise((resolve) => {
    const child = spawn(exe, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

// A capture server: answers 200 and keeps the raw bytes and headers of every request.
function captureServer() {
  const requests = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      requests.push({ headers: req.headers, raw: Buffer.concat(chunks) });
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, requests, port: server.address().port }));
  });
}

const sha256b64 = (bytes) => createHash('sha256').update(bytes).digest('base64');

function strictVerify(token, raw) {
  // The strict profile of protocol.md 3: HS256 only, issuer, exp required, 60 s leeway, hash.
  const claims = jwt.verify(token, SECRET, { algorithms: ['HS256'], issuer: KEY, clockTolerance: 60 });
  if (typeof claims.exp !== 'number') throw new Error('no exp');
  if (claims.sha256 !== sha256b64(raw)) throw new Error('sha256 claim does not match the body');
  return claims;
}

async function senderToReferences() {
  const cap = await captureServer();
  const url = `http://127.0.0.1:${cap.port}/`;
  const base = ['--url', url, '--key', KEY, '--secret', SECRET, '--wait-scale', '0.001', '-q'];
  const meeting = await run(sendExe, [...base, '--scenario', 'meeting', '--participants', '3']);
  check(meeting.code === 0, `meeting scenario exit code ${meeting.code}: ${meeting.err}`);
  const list = await run(sendExe, ['--list-events']);
  const events = list.out.trim().split('\n');
  for (const event of events) {
    const single = await run(sendExe, [...base, event]);
    check(single.code === 0, `${event}: exit code ${single.code}`);
  }
  const legacy = await run(sendExe, [...base, 'room_finished', '--token-layout', 'go-jose',
    '--legacy-content-type', '--space-after-comma']);
  check(legacy.code === 0, 'legacy layout run');
  const receiver = new WebhookReceiver(KEY, SECRET);
  const good = cap.requests.length;
  check(good >= events.length + 30, `captured ${good} requests`);

  for (const [i, r] of cap.requests.entries()) {
    const token = r.headers.authorization;
    const body = r.raw.toString('utf8');
    const tag = `request ${i + 1} (${JSON.parse(body).event})`;
    check(token && token === r.headers['hash-token'], `${tag}: Authorization equals Hash-Token`);
    check(!/^bearer /i.test(token), `${tag}: no Bearer prefix`);
    check(r.headers['user-agent'] === 'Go-http-client/1.1', `${tag}: User-Agent`);
    const legacyRun = i === good - 1;
    check(r.headers['content-type'] === (legacyRun ? 'application/webhook+json' : 'application/json'),
      `${tag}: Content-Type ${r.headers['content-type']}`);
    try {
      await receiver.receive(body, token);
    } catch (e) {
      check(false, `${tag}: LiveKit WebhookReceiver rejected it: ${e.message}`);
    }
    try {
      const claims = strictVerify(token, r.raw);
      check(claims.exp - claims.nbf === 300, `${tag}: valid for 300 s`);
      const [header, payload] = token.split('.').slice(0, 2)
        .map((s) => Buffer.from(s, 'base64url').toString());
      const expectedKeys = legacyRun ? 'exp,iss,nbf,sha256' : 'iss,exp,nbf,iat,sha256';
      check(Object.keys(JSON.parse(payload)).join(',') === expectedKeys,
        `${tag}: payload key order ${payload}`);
      check(header === '{"alg":"HS256","typ":"JWT"}', `${tag}: header ${header}`);
      if (!legacyRun) check(claims.iat === claims.nbf, `${tag}: iat = nbf`);
    } catch (e) {
      check(false, `${tag}: strict jsonwebtoken verification failed: ${e.message}`);
    }
  }

  // Each fault flag must make both references refuse the request.
  for (const fault of ['--wrong-secret', '--tamper-body', '--expired', '--not-yet-valid']) {
    const before = cap.requests.length;
    await run(sendExe, [...base, 'participant_joined', fault]);
    const r = cap.requests[before];
    check(r !== undefined, `${fault}: request captured`);
    if (!r) continue;
    const body = r.raw.toString('utf8');
    let lkAccepted = true;
    try { await receiver.receive(body, r.headers.authorization); } catch { lkAccepted = false; }
    check(!lkAccepted, `${fault}: LiveKit WebhookReceiver must reject`);
    let strictAccepted = true;
    try { strictVerify(r.headers.authorization, r.raw); } catch { strictAccepted = false; }
    check(!strictAccepted, `${fault}: strict jsonwebtoken must reject`);
  }
  cap.server.close();
  console.log(`sender -> references: ${cap.requests.length} requests checked`);
}

async function referencesToMonitor() {
  const monitor = spawn(monitorExe, ['--headless', '--no-session', '--listen', '127.0.0.1:0',
    '--key', `${KEY}:${SECRET}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  monitor.stdout.on('data', (d) => { out += d; });
  const port = await new Promise((resolve, reject) => {
    let err = '';
    monitor.stderr.on('data', (d) => {
      err += d;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
      if (m) resolve(Number(m[1]));
    });
    monitor.on('close', () => reject(new Error(`monitor exited: ${err}`)));
  });

  // Bodies as pnm-webhook-send would send them, signed here by the reference libraries.
  const printed = await run(sendExe, ['--key', KEY, '--secret', SECRET, '--print', '--scenario',
    'meeting', '--participants', '2']);
  const bodies = printed.out.trim().split('\n').map((l) => JSON.parse(l).body);
  const cases = [];
  for (const body of bodies) {
    const at = new AccessToken(KEY, SECRET, { ttl: '5m' });
    at.sha256 = sha256b64(Buffer.from(body, 'utf8'));
    cases.push({ body, token: await at.toJwt(), expect: 'valid', what: 'LiveKit AccessToken' });
  }
  const body = bodies[0];
  const hash = sha256b64(Buffer.from(body, 'utf8'));
  cases.push({ body, expect: 'valid', what: 'jsonwebtoken HS256',
    token: jwt.sign({ sha256: hash }, SECRET, { algorithm: 'HS256', issuer: KEY, expiresIn: 300 }) });
  const wrong = new AccessToken(KEY, 'not-the-secret', { ttl: '5m' });
  wrong.sha256 = hash;
  cases.push({ body, token: await wrong.toJwt(), expect: 'bad_signature', what: 'wrong secret' });
  cases.push({ body: `${body} `, expect: 'hash_mismatch', what: 'body changed',
    token: jwt.sign({ sha256: hash }, SECRET, { algorithm: 'HS256', issuer: KEY, expiresIn: 300 }) });
  cases.push({ body, expect: 'unsupported_alg', what: 'HS512',
    token: jwt.sign({ sha256: hash }, SECRET, { algorithm: 'HS512', issuer: KEY, expiresIn: 300 }) });
  cases.push({ body, expect: 'expired', what: 'expired jsonwebtoken',
    token: jwt.sign({ sha256: hash, exp: Math.floor(Date.now() / 1000) - 600 }, SECRET,
      { algorithm: 'HS256', issuer: KEY }) });

  for (const c of cases) {
    await new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/',
        headers: { Authorization: c.token, 'Content-Type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end(Buffer.from(c.body, 'utf8'));
    });
  }
  const deadline = Date.now() + 20000;
  while (out.trim().split('\n').filter(Boolean).length < cases.length && Date.now() < deadline) {
    await new Promise((r) => { setTimeout(r, 20); });
  }
  const lines = out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  check(lines.length === cases.length, `monitor printed ${lines.length} of ${cases.length} lines`);
  lines.forEach((line, i) => {
    const status = line.verification && line.verification.status;
    check(status === cases[i].expect, `${cases[i].what} #${i + 1}: monitor said ${status}, expected ${cases[i].expect}`);
  });
  monitor.kill('SIGTERM');
  console.log(`references -> monitor: ${lines.length} requests checked`);
}

await senderToReferences();
await referencesToMonitor();
console.log(`${checks} checks, ${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
