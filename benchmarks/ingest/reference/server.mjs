// Reference webhook receiver for the ingest benchmark, the way a LiveKit Node SDK user writes
// one: TokenVerifier checks the JWT (HS256, issuer, exp), the body's SHA-256 must equal the
// token's sha256 claim, and the body is parsed as JSON. Nothing is stored.
// Usage: node server.mjs PORT API_KEY API_SECRET
import crypto from 'node:crypto';
import http from 'node:http';
import { TokenVerifier } from 'livekit-server-sdk';

const [port, apiKey, apiSecret] = process.argv.slice(2);
const verifier = new TokenVerifier(apiKey, apiSecret);

async function check(headers, body) {
  const token = headers['authorization'] || headers['hash-token'];
  const claims = await verifier.verify(token);
  const hash = crypto.createHash('sha256').update(body).digest('base64');
  if (claims.sha256 !== hash) throw new Error('sha256 mismatch');
  return JSON.parse(body.toString('utf8'));
}

http
  .createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      check(req.headers, Buffer.concat(chunks)).then(
        () => { res.writeHead(200); res.end(); },
        () => { res.writeHead(401); res.end(); });
    });
  })
  .listen(Number(port), '127.0.0.1', () => console.error(`reference listening on ${port}`));
