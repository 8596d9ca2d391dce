// A test runner small enough to read in one go, for the extension host (no mocha): tests are
// named async functions run one after another; failures are collected and reported together.

export type TestFn = () => Promise<void> | void;

const tests: { name: string; fn: TestFn; timeoutMs: number }[] = [];

export function test(name: string, fn: TestFn, timeoutMs = 60_000): void {
  tests.push({ name, fn, timeoutMs });
}

export async function runAll(log: (line: string) => void = console.log): Promise<void> {
  const failures: string[] = [];
  for (const t of tests) {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(t.fn),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${t.timeoutMs} ms`)), t.timeoutMs);
        }),
      ]);
      log(`ok - ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
      failures.push(`${t.name}: ${message}`);
      log(`not ok - ${t.name}\n  ${message.replace(/\n/g, '\n  ')}`);
    } finally {
      clearTimeout(timer);
    }
  }
  log(`${tests.length - failures.length} of ${tests.length} passed`);
  if (failures.length) throw new Error(`${failures.length} test(s) failed:\n${failures.join('\n')}`);
}

/** Polls until `fn` returns a truthy value; throws with `what` when the time is up. */
export async function eventually<T>(what: string, fn: () => T | Promise<T>, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
