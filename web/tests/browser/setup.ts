// Global setup of the browser tests: builds the page, builds the demo store with
// `dossier demo`, gives its two users passwords, starts the real `dossier serve` on a
// free port of 127.0.0.1 (and a second one over an empty store without users), and
// stops them afterwards. It hands the tests the servers' addresses, the passwords,
// and entities chosen from the demo's findings: one that `analyst` sees and `baltic`
// does not, and one whose ties differ between them.
//
// DOSSIER_BIN names the binary (default ../build/dossier, relative to web/).

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

const run = promisify(execFile);
const WEB = path.resolve(import.meta.dirname, '../..');

export const PASSWORDS = { analyst: 'analyst-password-0001', baltic: 'baltic-password-00002' };

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** A server over a store without users. */
    openUrl: string;
    passwords: { analyst: string; baltic: string };
    /** Seen by analyst, hidden from baltic. */
    hiddenFromBaltic: string;
    /** A subject whose ties (and marking) differ between the two readers. */
    differing: { subject: string; target: string };
  }
}

interface Finding {
  subject: string;
  target: string;
  marking: string;
}
interface DemoReport {
  reader: string;
  findings: Finding[];
}

function binary(): string {
  const bin = path.resolve(WEB, process.env.DOSSIER_BIN ?? '../build/dossier');
  if (!existsSync(bin)) throw new Error(`no dossier binary at ${bin}: build it, or set DOSSIER_BIN`);
  return bin;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function setPassword(bin: string, store: string, user: string, password: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['--store', store, '--as', 'analyst', 'principals', 'password', user], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`principals password ${user}: ${code} ${err}`))));
    child.stdin.end(`${password}\n`);
  });
}

/** Whether `user` can see entity `id`, as the CLI answers it (exit code 1 when hidden). */
async function sees(bin: string, store: string, user: string, id: string): Promise<boolean> {
  try {
    await run(bin, ['--store', store, '--as', user, '--json', 'show', id]);
    return true;
  } catch (e) {
    if ((e as { code?: number }).code === 1) return false;
    throw e;
  }
}

async function chooseEntities(bin: string, store: string, demo: { reports: DemoReport[] }) {
  const of = (reader: string) => demo.reports.find((r) => r.reader === reader)?.findings ?? [];
  const analyst = of('analyst');
  const baltic = of('baltic');
  const balticTargets = new Set(baltic.map((f) => f.target));
  let hidden = '';
  for (const f of analyst.filter((f) => !balticTargets.has(f.target))) {
    if ((await sees(bin, store, 'analyst', f.target)) && !(await sees(bin, store, 'baltic', f.target))) {
      hidden = f.target;
      break;
    }
  }
  const differs = analyst.find((a) => baltic.some((b) => b.subject === a.subject && b.target === a.target && b.marking !== a.marking));
  if (!hidden || !differs) throw new Error('the demo findings no longer name an entity hidden from baltic, or one that differs');
  return { hidden, differing: { subject: differs.subject, target: differs.target } };
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

async function waitForServer(baseUrl: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (!running(child)) break;
    try {
      const response = await fetch(`${baseUrl}/api/me`);
      if (response.status === 200 || response.status === 401) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`dossier serve did not answer /api/me:\n${readFileSync(log, 'utf8').slice(-2000)}`);
}

export default async function setup(project: TestProject) {
  const bin = binary();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'dossier-web-'));
  const store = path.join(tmp, 'demo.db');
  const dist = path.join(WEB, 'dist');

  const [, demoRun] = await Promise.all([
    build({ root: WEB, logLevel: 'warn', configFile: path.join(WEB, 'vite.config.ts') }),
    run(bin, ['demo', '--store', store, '--json'], { maxBuffer: 64 << 20 }),
  ]);
  const demo = JSON.parse(demoRun.stdout) as { reports: DemoReport[] };
  await setPassword(bin, store, 'analyst', PASSWORDS.analyst);
  await setPassword(bin, store, 'baltic', PASSWORDS.baltic);
  const chosen = await chooseEntities(bin, store, demo);

  // A store without users, where nobody signs in.
  const open = path.join(tmp, 'open.db');
  await run(bin, ['--store', open, 'init']);

  const servers = await Promise.all([serve(bin, store, dist, tmp), serve(bin, open, dist, tmp)]);
  project.provide('baseUrl', servers[0].url);
  project.provide('openUrl', servers[1].url);
  project.provide('passwords', PASSWORDS);
  project.provide('hiddenFromBaltic', chosen.hidden);
  project.provide('differing', chosen.differing);

  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
    if (process.env.DOSSIER_KEEP_TMP) console.log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  };
}

/** Starts `dossier serve` over `store` on a free port and waits until it answers. */
async function serve(bin: string, store: string, dist: string, tmp: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = path.join(tmp, `serve-${path.basename(store)}.log`);
  const out = openSync(log, 'a');
  const server = spawn(bin, ['--store', store, 'serve', '--listen', `127.0.0.1:${port}`, '--web', dist], {
    stdio: ['ignore', out, out],
  });
  await waitForServer(url, server, log);
  const stop = async () => {
    if (!running(server)) return;
    server.kill('SIGTERM');
    await Promise.race([new Promise((r) => server.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
    if (running(server)) server.kill('SIGKILL');
  };
  return { url, stop };
}
