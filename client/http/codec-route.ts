import type { Payload } from '@temporalio/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { PayloadKey } from '../../codec/keys';
import { EncryptionCodec } from '../../codec/payload-codec';

export interface CodecRouteDeps {
  keys: PayloadKey[];
  /** WEB_UI_ORIGIN: the only origins whose pages may call the endpoint (CORS). */
  webUiOrigins: string[];
  /** The operator token's check, as every read endpoint has it. */
  operatorOnly: (request: FastifyRequest) => Promise<void>;
}

/** Proto3 JSON of temporal.api.common.v1.Payloads: bytes as base64, metadata a map of base64. */
const base64Text = /^[A-Za-z0-9+/_-]*={0,2}$/;
const base64 = z.string().regex(base64Text, 'must be base64');
/**
 * A map of base64 values, checked in place: `z.record` builds a new object and leaves a `__proto__` key
 * out without a word, and metadata keys are any strings another SDK or tool may have written.
 */
const metadataJson = z
  .custom<Record<string, string>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'must be an object')
  .superRefine((metadata, ctx) => {
    for (const [key, value] of Object.entries(metadata)) {
      if (typeof value !== 'string' || !base64Text.test(value)) ctx.addIssue({ code: 'custom', path: [key], message: 'must be base64' });
    }
  });
const payloadsJson = z.object({
  payloads: z.array(z.object({ metadata: metadataJson.nullish(), data: base64.nullish() }).strict()).max(10_000),
});
type PayloadJson = z.infer<typeof payloadsJson>['payloads'][number];

const fromJson = (json: PayloadJson): Payload => ({
  metadata: Object.fromEntries(
    Object.entries(json.metadata ?? {}).map(([key, value]) => [key, new Uint8Array(Buffer.from(value, 'base64'))]),
  ),
  data: new Uint8Array(Buffer.from(json.data ?? '', 'base64')),
});
const toJson = (payload: Payload): PayloadJson => ({
  metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value).toString('base64')])),
  data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64'),
});

/**
 * The codec endpoint (Temporal's remote codec protocol): POST /codec/encode and /codec/decode with
 * `{"payloads": [...]}` in proto3 JSON, for the Web UI and `temporal --codec-endpoint`. Decoding hands
 * out personal data, so it sits behind the operator token, and a browser may call it only from the
 * configured Web UI's origin: a request that carries another Origin is refused before anything else,
 * so no other page a logged-in operator opens can read decoded data.
 */
export function registerCodecRoutes(app: FastifyInstance, deps: CodecRouteDeps): void {
  const codec = new EncryptionCodec(deps.keys);
  const allowed = new Set(deps.webUiOrigins);

  const corsHeaders = (reply: FastifyReply, origin: string) =>
    reply.header('access-control-allow-origin', origin).header('access-control-allow-credentials', 'true').header('vary', 'Origin');

  // A request without Origin comes from no browser page (the CLI, curl): only the token decides.
  const sameUiOnly = async (request: FastifyRequest, reply: FastifyReply) => {
    const origin = request.headers.origin;
    if (origin === undefined) return;
    if (!allowed.has(origin)) {
      request.log.warn({ route: request.routeOptions.url }, 'codec request from an origin other than WEB_UI_ORIGIN refused');
      throw Object.assign(new Error('this origin may not use the codec endpoint (WEB_UI_ORIGIN)'), { statusCode: 403 });
    }
    corsHeaders(reply, origin);
  };

  for (const action of ['encode', 'decode'] as const) {
    const url = `/codec/${action}`;
    // The preflight carries no credentials; it answers only for the Web UI's origin.
    app.options(url, { onRequest: sameUiOnly }, async (request, reply) => {
      if (request.headers.origin === undefined) return reply.code(204).send();
      return reply
        .code(204)
        .header('access-control-allow-methods', 'POST')
        .header('access-control-allow-headers', 'content-type, x-namespace, authorization')
        .header('access-control-max-age', '600')
        .send();
    });
    app.post(url, { onRequest: [sameUiOnly, deps.operatorOnly] }, async (request, reply) => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '');
      } catch {
        return reply.code(400).send({ error: 'the body is not JSON: send {"payloads": [...]} in proto3 JSON' });
      }
      const parsed = payloadsJson.safeParse(body);
      if (!parsed.success) {
        return reply.code(400).send({
          error: 'the body is not Payloads in proto3 JSON',
          problems: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
        });
      }
      const payloads = parsed.data.payloads.map(fromJson);
      try {
        const result = action === 'encode' ? await codec.encode(payloads) : await codec.decode(payloads);
        return reply.code(200).send({ payloads: result.map(toJson) });
      } catch (error) {
        // An unknown key id or an altered payload: the message names the key, never the content.
        return reply.code(422).send({ error: (error as Error).message });
      }
    });
  }
}
