// Prints a webhook token for a body file, as Plug-N-Meet would sign it (HS256, iss = API key,
// sha256 claim = base64 SHA-256 of the exact body), valid for an hour.
// Usage: node mint.mjs API_KEY API_SECRET BODY_FILE
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AccessToken } from 'livekit-server-sdk';

const [apiKey, apiSecret, bodyFile] = process.argv.slice(2);
const body = fs.readFileSync(bodyFile);
const token = new AccessToken(apiKey, apiSecret, { ttl: '1h' });
token.sha256 = crypto.createHash('sha256').update(body).digest('base64');
process.stdout.write(await token.toJwt());
