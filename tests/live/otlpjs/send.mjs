// Sends a known set of agent traces to an OTLP/HTTP endpoint with the OpenTelemetry JavaScript
// SDK, and writes what it sent (every span's ids, parent, name, attributes, events, status) as
// JSON, for tests/live to compare with what Spanscope stored.
//   node send.mjs --url URL --protocol proto|json --traces N --out FILE [--token T] [--seed S]
import { writeFileSync } from 'node:fs';
import { context, trace, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => {
    if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
    return pairs;
  }, []));
const url = args.url;
const protocol = args.protocol ?? 'proto';
const traces = Number(args.traces ?? 3);
let seed = Number(args.seed ?? 1);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

const sent = [];
const recorder = {
  onStart() {},
  onEnd(span) {
    const ctx = span.spanContext();
    sent.push({
      traceId: ctx.traceId,
      spanId: ctx.spanId,
      parentSpanId: span.parentSpanContext?.spanId ?? span.parentSpanId ?? '',
      name: span.name,
      kind: span.kind,
      attributes: span.attributes,
      events: span.events.map((e) => ({ name: e.name, attributes: e.attributes ?? {} })),
      error: span.status.code === SpanStatusCode.ERROR,
    });
  },
  forceFlush: async () => {},
  shutdown: async () => {},
};

const headers = args.token ? { Authorization: `Bearer ${args.token}` } : {};
const Exporter = protocol === 'json' ? JsonExporter : ProtoExporter;
const exporter = new Exporter({ url, headers });
const provider = new NodeTracerProvider({
  resource: resourceFromAttributes({ 'service.name': 'js-agent' }),
  spanProcessors: [recorder, new BatchSpanProcessor(exporter)],
});
provider.register();
const tracer = trace.getTracer('spanscope-test', '1.0.0');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function llm(name, model, inTokens, outTokens) {
  await tracer.startActiveSpan(name, { kind: SpanKind.CLIENT }, async (span) => {
    span.setAttributes({
      'gen_ai.system': 'openai',
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': model,
      'gen_ai.usage.input_tokens': inTokens,
      'gen_ai.usage.output_tokens': outTokens,
      'gen_ai.request.temperature': 0.2,
    });
    span.addEvent('gen_ai.choice', { 'gen_ai.response.finish_reasons': ['stop'], index: 0 });
    await sleep(2 + random() * 5);
    span.end();
  });
}

async function tool(name, fail) {
  await tracer.startActiveSpan(`tool.${name}`, async (span) => {
    span.setAttribute('tool.name', name);
    span.setAttribute('tool.retries', 0);
    await tracer.startActiveSpan('http.get', { kind: SpanKind.CLIENT }, async (inner) => {
      inner.setAttribute('http.url', `https://example.test/${name}?q=ünïcode`);
      await sleep(1 + random() * 4);
      inner.end();
    });
    if (fail) span.setStatus({ code: SpanStatusCode.ERROR, message: `${name} timed out` });
    span.end();
  });
}

for (let t = 0; t < traces; ++t) {
  await tracer.startActiveSpan('agent.run', { kind: SpanKind.SERVER, root: true }, async (root) => {
    root.setAttributes({ 'session.id': `session-${t % 2}`, 'user.id': 'tester', 'agent.step': t });
    await llm('llm.plan', 'gpt-4o-mini', 100 + t, 20 + t);
    // Three tools at once: concurrent siblings.
    await Promise.all(['search', 'fetch', 'summarise'].map((n, i) => tool(n, t === 1 && i === 2)));
    await llm('llm.answer', 'gpt-4o', 400 + t, 80 + t);
    root.end();
  });
}
await provider.forceFlush();
await provider.shutdown();
if (args.out) writeFileSync(args.out, JSON.stringify(sent));
console.log(`sent ${sent.length} spans in ${traces} traces`);
