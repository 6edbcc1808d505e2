import { loadDotEnv } from './dot-env';
import { EnvError, parseEnv } from './env';
import { startServer } from './start';

try {
  loadDotEnv();
  const server = await startServer(parseEnv(process.env));
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
