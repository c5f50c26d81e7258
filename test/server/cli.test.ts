import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

/** Runs the CLI with `args`; resolves with its output once `done` says so, or it exits. */
function runCli(
  args: string[],
  done: (stdout: string) => boolean = () => false,
): Promise<{ child: ChildProcess; stdout: string; stderr: string; code: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk;
      if (done(stdout)) resolve({ child, stdout, stderr, code: null });
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('close', (code) => resolve({ child, stdout, stderr, code }));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('npm run serve', () => {
  it('prints a curl command that answers an availability query, and stops cleanly on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'se-cli-'));
    try {
      const { child, stdout } = await runCli(['--port', '0', '--data', dir], (out) =>
        /-d '.*'\n/.test(out),
      );
      const base = /listening on (http:\S+)/.exec(stdout)?.[1];
      const secret = /client secret: (\S+)/.exec(stdout)?.[1];
      const token = /Authorization: Bearer (\S+)'/.exec(stdout)?.[1];
      const body = /-d '(.*)'\n/.exec(stdout)?.[1];
      assert.ok(base && secret && token && body, stdout);
      assert.match(secret, /^demo_client_secret_/);
      const reply = await fetch(`${base}/v1/availability`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body,
      });
      assert.equal(reply.status, 200);
      const answer = (await reply.json()) as { available_periods: unknown[] };
      assert.ok(answer.available_periods.length > 0);
      const exited = exitOf(child);
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.deepEqual(await readdir(dir), ['store.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a data directory another live server has open, and takes over one left by a killed server', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'se-cli-'));
    const listening = (out: string) => /listening on/.test(out);
    try {
      const first = await runCli(['--port', '0', '--data', dir], listening);
      const second = await runCli(['--port', '0', '--data', dir], listening);
      assert.equal(second.code, 1, second.stdout);
      assert.match(
        second.stderr,
        new RegExp(`data directory .* is in use by process ${first.child.pid}`),
      );
      assert.deepEqual((await readdir(dir)).sort(), ['store.json', 'store.lock']);

      // A server killed outright leaves its lock behind; the next one takes the directory.
      const killed = exitOf(first.child);
      first.child.kill('SIGKILL');
      await killed;
      const third = await runCli(['--port', '0', '--data', dir], listening);
      assert.equal(third.code, null, third.stderr);
      const exited = exitOf(third.child);
      third.child.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.deepEqual(await readdir(dir), ['store.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits with status 2 and the usage on a bad argument', async () => {
    const { code, stderr } = await runCli(['--port', 'eighty']);
    assert.equal(code, 2);
    assert.match(stderr, /--port must be a number/);
    assert.match(stderr, /usage: npm run serve/);
  });
});
