// Latency figures for the benchmarks: percentiles over repeated calls, measured with hrtime.

export interface Latency {
  label: string
  runs: number
  p50: number
  p95: number
  max: number
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)
  return sorted[Math.max(0, index)] as number
}

/** `before` (untimed) runs ahead of each timed call, e.g. a write that the call must then see. */
export async function measure(
  label: string,
  runs: number,
  body: (run: number) => unknown,
  before?: (run: number) => unknown,
): Promise<Latency> {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    await before?.(run)
    const start = process.hrtime.bigint()
    await body(run)
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  times.sort((a, b) => a - b)
  return { label, runs, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times.at(-1) ?? Number.NaN }
}

export function formatLatency(latency: Latency, goalMs: number): string {
  const ratio = latency.p95 / goalMs
  return `${latency.label.padEnd(34)} runs=${latency.runs}  p50=${latency.p50.toFixed(2)} ms  p95=${latency.p95.toFixed(2)} ms  max=${latency.max.toFixed(2)} ms  p95/goal=${ratio.toFixed(2)} (goal ${goalMs} ms)`
}

/** A table of latencies: p50, p95, max, and p95 against the goal (a ratio above 1 misses it). */
export function tableHeader(width: number, goalMs: number): string {
  return `${'handler'.padEnd(width)}  runs ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'max ms'.padStart(9)}  p95/${goalMs}ms`
}

export function tableRow(latency: Latency, width: number, goalMs: number): string {
  const number = (value: number) => value.toFixed(2).padStart(9)
  const ratio = latency.p95 / goalMs
  return `${latency.label.padEnd(width)} ${String(latency.runs).padStart(5)} ${number(latency.p50)} ${number(latency.p95)} ${number(latency.max)}  ${ratio.toFixed(2).padStart(7)}${ratio > 1 ? '  over' : ''}`
}
