/**
 * `npm run long-tasks`: what the main thread does in each long task of a first visit, to find what costs
 * Total Blocking Time. Opens the production build (served by `vite preview`, see ./preview.ts) in Debian's Chromium
 * as Lighthouse's mobile run does (412×823 screen at 1.75× density, touch, Chinese browser, fresh profile), records
 * a DevTools trace of the load and lists every main-thread task that Lighthouse would count as long, with the work
 * inside it: parsing HTML, evaluating a script, a function call (file and line), style, layout, paint, garbage
 * collection.
 *
 * Lighthouse's simulated runs load the page at full speed and multiply each task's duration by the CPU slowdown (4),
 * so a task counts as long (> 50 ms) when it takes more than 12.5 ms here. With `--cpu 4` the browser itself is
 * slowed down four times instead (the threshold is then 50 ms of real time); tasks are shown in "simulated" ms
 * (duration × 4 / cpu) either way. The machine's other work lengthens tasks (real time); the CPU time each task
 * actually ran is shown next to it, and the blocking time after the first contentful paint is estimated from both:
 * on a busy machine compare builds by the CPU figures. The trace uses Lighthouse's categories, because what is
 * recorded changes what the page costs (a recorded stack makes V8 collect source positions).
 *
 * Options: --runs <n> (default 3), --cpu <rate> (default 1), --dist <dir> (serve that build instead of building
 * afresh), --all (list every task of 5 simulated ms or more, not only the long ones), --json.
 */
import { chromium, type CDPSession } from 'playwright-core';
import { buildAndServe, CHROMIUM_FLAGS, chromiumPath, option } from './preview';

/** Lighthouse's CPU slowdown for mobile. */
const SLOWDOWN = 4;

interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time, when the trace has it. */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { name?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown> };
}

interface Work {
  readonly what: string;
  /** Real milliseconds. */
  readonly ms: number;
  /** CPU milliseconds. */
  readonly cpuMs: number;
  readonly children: Work[];
}

interface Task {
  /** Start, real ms since navigation started. */
  readonly at: number;
  /** Real milliseconds. */
  readonly ms: number;
  /** Milliseconds the main thread actually ran (less than `ms` when the machine's other work took the CPU). */
  readonly cpuMs: number;
  readonly work: Work[];
}

/** Events of the trace, collected from `Tracing.dataCollected`. */
async function traceLoad(client: CDPSession, load: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  client.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await client.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      // Lighthouse's own categories (lighthouse/core/gather/gatherers/trace.js) without the screenshots: they decide
      // what the page pays for being traced (stack traces for timers and requests make V8 collect source positions).
      includedCategories: [
        'disabled-by-default-lighthouse',
        'loading',
        'v8',
        'v8.execute',
        'blink.user_timing',
        'blink.console',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-devtools.timeline.stack',
        'disabled-by-default-devtools.timeline.frame',
        'latencyInfo',
        'disabled-by-default-devtools.target-rundown',
        'disabled-by-default-devtools.v8-source-rundown-sources',
        'disabled-by-default-devtools.v8-source-rundown',
      ],
    },
  });
  await load();
  const done = new Promise<void>((resolve) => client.once('Tracing.tracingComplete', () => resolve()));
  await client.send('Tracing.end');
  await done;
  return events;
}

/** A short name for a trace event, with the script and line of function calls and evaluations. */
function describe(event: TraceEvent): string {
  const data = event.args?.data ?? event.args?.beginData ?? {};
  const url = typeof data.url === 'string' ? data.url.replace(/^https?:\/\/[^/]+/, '') : '';
  switch (event.name) {
    case 'FunctionCall':
      return `FunctionCall ${String(data.functionName || '(anonymous)')} ${url}:${String(data.lineNumber ?? '?')}`;
    case 'EvaluateScript':
    case 'v8.compileModule':
    case 'v8.evaluateModule':
      return `${event.name} ${url || String((event.args?.data as { fileName?: string } | undefined)?.fileName ?? '')}`;
    case 'TimerFire':
      return `TimerFire ${String(data.timerId ?? '')}`;
    case 'EventDispatch':
      return `EventDispatch ${String(data.type ?? '')}`;
    case 'ParseHTML':
      return `ParseHTML lines ${String((event.args?.beginData as { startLine?: number } | undefined)?.startLine ?? '?')}–${String((event.args as { endData?: { endLine?: number } } | undefined)?.endData?.endLine ?? '?')}`;
    case 'Layout':
      return `Layout (${String((event.args?.beginData as { dirtyObjects?: number } | undefined)?.dirtyObjects ?? '?')} dirty of ${String((event.args?.beginData as { totalObjects?: number } | undefined)?.totalObjects ?? '?')})`;
    case 'UpdateLayoutTree':
    case 'RecalculateStyles':
      return `${event.name} (${String((event.args as { elementCount?: number; beginData?: { elementCount?: number } } | undefined)?.elementCount ?? '')})`;
    default:
      return event.name;
  }
}

/** Events not worth a line of their own (they only wrap what is listed below them). */
const WRAPPERS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/** The renderer main thread of the page: the one that parsed the document. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.ph === 'X');
  if (parse) return { pid: parse.pid, tid: parse.tid };
  const named = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!named) throw new Error('no renderer main thread in the trace');
  return { pid: named.pid, tid: named.tid };
}

/** Complete events (`X`) of one thread, nested by time. */
function nest(events: TraceEvent[], depth: number): Work[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const roots: { event: TraceEvent; work: Work }[] = [];
  const stack: { event: TraceEvent; work: Work; level: number }[] = [];
  for (const event of sorted) {
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (event.ts >= top.event.ts + (top.event.dur ?? 0)) stack.pop();
      else break;
    }
    const parent = stack[stack.length - 1];
    const skip = WRAPPERS.has(event.name);
    if (skip) continue;
    const work: Work = { what: describe(event), ms: (event.dur ?? 0) / 1000, cpuMs: (event.tdur ?? event.dur ?? 0) / 1000, children: [] };
    const level = parent ? parent.level + 1 : 0;
    if (level < depth) {
      if (parent) parent.work.children.push(work);
      else roots.push({ event, work });
    }
    stack.push({ event, work, level });
  }
  return roots.map((r) => r.work);
}

/**
 * The page's tasks of at least `minimum` real ms (or CPU ms), with what ran inside them, and the first contentful
 * paint (real ms since navigation started).
 */
function tasksOf(events: TraceEvent[], minimum: number): { tasks: Task[]; fcp: number } {
  const { pid, tid } = mainThread(events);
  const thread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined);
  const start = events.find((e) => e.name === 'navigationStart' && e.pid === pid)?.ts ?? Math.min(...thread.map((e) => e.ts));
  const paint = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === pid);
  const tasks = thread.filter((e) => e.name === 'RunTask' && Math.max(e.dur!, e.tdur ?? 0) / 1000 >= minimum);
  const fcp = paint ? (paint.ts - start) / 1000 : 0;
  return { fcp, tasks: tasks.map((task) => {
    const inside = thread.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
    return { at: (task.ts - start) / 1000, ms: task.dur! / 1000, cpuMs: (task.tdur ?? task.dur!) / 1000, work: nest(inside, 4) };
  }) };
}

/**
 * Blocking time after the first contentful paint as Lighthouse counts it (each task's part after FCP, × the CPU
 * slowdown, less 50 ms), from the tasks' real durations and, steadier on a busy machine, from their CPU time.
 */
function blockingTime(tasks: Task[], fcp: number, scale: number): { wall: number; cpu: number } {
  const blocking = (length: (t: Task) => number) =>
    tasks.reduce((sum, t) => {
      const after = Math.min(length(t), t.at + length(t) - fcp);
      return sum + Math.max(0, after * scale - 50);
    }, 0);
  return { wall: blocking((t) => t.ms), cpu: blocking((t) => t.cpuMs) };
}

function print(work: Work[], scale: number, indent: string, total: number): void {
  const shown = work.filter((w) => w.ms * scale >= Math.max(2, total * 0.03));
  for (const w of shown) {
    process.stdout.write(`${indent}${(w.ms * scale).toFixed(0).padStart(4)} ms (${w.cpuMs.toFixed(1)} CPU)  ${w.what}\n`);
    print(w.children, scale, `${indent}    `, total);
  }
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(option('runs') ?? 3));
  const cpu = Math.max(1, Number(option('cpu') ?? 1));
  const scale = SLOWDOWN / cpu;
  const minimum = (process.argv.includes('--all') ? 5 : 50) / scale;
  const served = await buildAndServe(option('dist'));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS, '--lang=zh-CN', '--accept-lang=zh-CN'] });
  const results: { run: number; fcp: number; tasks: Task[]; blocking: { wall: number; cpu: number } }[] = [];
  try {
    for (let run = 1; run <= runs; run += 1) {
      const context = await browser.newContext({
        viewport: { width: 412, height: 823 },
        deviceScaleFactor: 1.75,
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
        serviceWorkers: 'block',
      });
      const page = await context.newPage();
      const client = await context.newCDPSession(page);
      if (cpu > 1) await client.send('Emulation.setCPUThrottlingRate', { rate: cpu });
      const events = await traceLoad(client, async () => {
        await page.goto(served.url, { waitUntil: 'load' });
        // The app starts after the first paint and renders over several tasks: wait until the result is on screen,
        // then a little longer for what comes after it.
        // Polled through the DevTools protocol, not with Playwright's selectors: those inject Playwright's own script
        // into the page, a task of ≈ 10 ms that Lighthouse's runs do not have.
        await client.send('Runtime.evaluate', {
          awaitPromise: true,
          expression: `new Promise((resolve, reject) => {
            const start = performance.now();
            const poll = () => {
              if (document.querySelector('#result .result, #result p')) resolve(true);
              else if (performance.now() - start > 30000) reject(new Error('the result did not appear'));
              else setTimeout(poll, 100);
            };
            poll();
          })`,
        });
        await page.waitForTimeout(1500 * cpu);
      });
      await context.close();
      const { tasks, fcp } = tasksOf(events, minimum);
      const blocking = blockingTime(tasks, fcp, scale);
      results.push({ run, fcp, tasks, blocking });
      if (process.argv.includes('--json')) continue;
      process.stdout.write(
        `\nrun ${run}: FCP at ${(fcp * scale).toFixed(0)} ms simulated; blocking time after it ≈ ${blocking.wall.toFixed(0)} ms (${blocking.cpu.toFixed(0)} ms from CPU time)\n`,
      );
      for (const task of tasks) {
        process.stdout.write(
          `  at ${(task.at * scale).toFixed(0)} ms simulated (${task.at.toFixed(0)} ms real): ${(task.ms * scale).toFixed(0)} ms simulated, ${task.ms.toFixed(1)} ms real, ${task.cpuMs.toFixed(1)} ms CPU\n`,
        );
        print(task.work, scale, '      ', task.ms * scale);
      }
    }
  } finally {
    await browser.close();
    await served.close();
  }
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
  process.stdout.write(
    `\nblocking time after FCP, median of ${runs}: ${median(results.map((r) => r.blocking.wall)).toFixed(0)} ms (${median(results.map((r) => r.blocking.cpu)).toFixed(0)} ms from CPU time); per run: ${results.map((r) => `${r.blocking.wall.toFixed(0)} (${r.blocking.cpu.toFixed(0)})`).join(', ')}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
