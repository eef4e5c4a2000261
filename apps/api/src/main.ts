import 'reflect-metadata';
import { configFromEnv } from './config/trilha-config';
import { startApi } from './bootstrap';

/** The api process. Runs the projections too unless TRILHA_PROJECTIONS=off. */
startApi(configFromEnv()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
