import { Hono } from 'hono';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
const app = new Hono();
app.get('/', (c) => c.json([1]));
const r = await app.request('/');
console.log(r.headers.get('content-type'));
for (const n of ['+4915123456701','+43 664 1234567','+41 79 123 45 67','+44 7700 900123','+33 6 39 98 12 34','+1 202 555 0123','+1 212 555 0199', '+4930901820', '030 901820']) {
  const p = parsePhoneNumberFromString(n, 'DE'); console.log(n, p?.number, p?.isValid());
}
