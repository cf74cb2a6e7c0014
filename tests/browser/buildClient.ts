/** Global setup of the browser tests: build the web app once, the way `npm start` would. */
import { buildClient, clientBuildIsStale } from '../../server/clientBuild.ts';
import { ROOT } from '../helpers/testServer.ts';
import path from 'node:path';

export default async function setup(): Promise<void> {
  if (clientBuildIsStale(ROOT, path.join(ROOT, 'client', 'dist'))) await buildClient(ROOT);
}
