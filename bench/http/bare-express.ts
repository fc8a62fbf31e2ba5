import express from 'express';
import { toUserView } from '../../src/accounts/user.view';
import { authenticate } from '../lib/bare-auth';
import { bareSettings, problemOnError, serve } from '../lib/bare-server';

// The baseline of the HTTP benchmark: the two benchmarked routes on a bare Express 5 app, with no
// framework, logging, validation or security headers. bench/http/run.ts compiles it to JavaScript
// (bench/lib/baseline.ts) and starts it as a child process with PORT, DATABASE_URL and JWT_SECRET
// set.

const settings = bareSettings();

const app = express();
app.disable('x-powered-by');

app.get('/health/live', (_request, response) => {
  response.json({ status: 'ok' });
});

app.get('/v1/me', async (request, response) => {
  const user = await authenticate(request, response, settings);
  if (user) response.json(toUserView(user));
});

app.use(problemOnError);

serve(app, settings);
