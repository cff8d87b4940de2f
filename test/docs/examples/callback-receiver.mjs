// receiver.mjs: verifies each callback as Little Pay documents it; `node receiver.mjs` listens on port 4000.
import { createVerify } from 'node:crypto';
import { createServer } from 'node:http';

const simulator = process.env.SIM_URL ?? 'http://localhost:3000';
const publicKey = await (await fetch(`${simulator}/_sim/keys/callback.pem`)).text();

createServer(async (req, res) => {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  const body = JSON.parse(raw);
  const signed = `${req.headers['x-littlepay-timestamp']}.${JSON.stringify(body)}`;
  const ok = createVerify('SHA256').update(signed).verify(publicKey, req.headers['x-littlepay-signature'], 'base64');
  console.log(ok ? 'valid' : 'INVALID', body.status, body.key);
  res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' }).end(JSON.stringify({ ok }));
}).listen(Number(process.env.PORT ?? 4000), '127.0.0.1');
