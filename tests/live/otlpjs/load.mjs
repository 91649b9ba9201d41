// Load for tests/bench receive: agent-shaped traces (a root, an LLM call, a tool and its HTTP
// call) as fast as the OpenTelemetry JS SDK's default BatchSpanProcessor (batches of 512, a
// queue of 2048) and protobuf exporter take them.
//   node load.mjs --url URL --spans N
import { trace, SpanKind } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => {
    if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
    return pairs;
  }, []));
const spans = Number(args.spans ?? 100000);
const provider = new NodeTracerProvider({
  resource: resourceFromAttributes({ 'service.name': 'js-load' }),
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: args.url }))],
});
const tracer = provider.getTracer('load');
let made = 0;
while (made < spans) {
  tracer.startActiveSpan('agent.run', { kind: SpanKind.SERVER }, (root) => {
    tracer.startActiveSpan('llm', { kind: SpanKind.CLIENT }, (llm) => {
      llm.setAttributes({ 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 100 });
      llm.end();
    });
    tracer.startActiveSpan('tool.search', (tool) => {
      tracer.startActiveSpan('http.get', (h) => h.end());
      tool.end();
    });
    root.end();
  });
  made += 4;
  // Give the exporter its turn once a batch is queued, as a real agent awaiting I/O does;
  // a loop that never yields only fills the SDK's queue and drops spans.
  if (made % 512 === 0) await new Promise((r) => setImmediate(r));
}
await provider.forceFlush();
await provider.shutdown();
console.log(`made ${made} spans`);
