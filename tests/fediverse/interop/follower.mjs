// A second ActivityPub implementation (Fedify) for the interoperability test: a server on
// 127.0.0.1 with one actor, "reader", whose inbox records what arrives. Fedify hands an
// activity to these listeners only once it has verified the request's HTTP signature and
// that the activity's actor owns the signing key (skipSignatureVerification stays off);
// anything else it answers 401. The test drives it:
//   POST /control/follow {"resource": "acct:user@host", "plainHttp": "host"}
//                                          WebFinger, then Follow

//   GET  /control/events                                        what the inbox accepted
// It prints "listening <port>" once it is ready.
import http from "node:http";
import {
  Accept, Create, Delete, Endpoints, Follow, MemoryKvStore, Person, Update,
  createFederation, generateCryptoKeyPair, lookupWebFinger,
} from "@fedify/fedify";
import { configure, getConsoleSink } from "@logtape/logtape";

// Fedify's warnings and errors (a refused signature, say) go to stderr.
await configure({
  sinks: { console: getConsoleSink() },
  loggers: [
    { category: "fedify", lowestLevel: "warning", sinks: ["console"] },
    { category: ["logtape", "meta"], lowestLevel: "error", sinks: ["console"] },
  ],
});

const federation = createFederation({ kv: new MemoryKvStore(), allowPrivateAddress: true });
const keyPair = await generateCryptoKeyPair("RSASSA-PKCS1-v1_5");
const events = [];

federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (identifier !== "reader") return null;
    const keys = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      inbox: ctx.getInboxUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      publicKey: keys[0].cryptographicKey,
    });
  })
  .setKeyPairsDispatcher(async (ctx, identifier) => (identifier === "reader" ? [keyPair] : []));

async function record(ctx, activity) {
  const object = await activity.getObject();
  events.push({
    type: activity.constructor.name,
    actor: activity.actorId?.href,
    object: object && {
      type: object.constructor.name,
      id: object.id?.href,
      name: object.name?.toString() ?? null,
      attributedTo: object.attributionIds?.map((id) => id.href) ?? [],
    },
  });
}

federation
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Accept, record)
  .on(Create, record)
  .on(Update, record)
  .on(Delete, record);

// Fedify asks for `acct:` resources over https. The test server speaks plain http, so
// requests to the host named in "plainHttp" go out as http, as if through a TLS-terminating
// proxy; nothing else about them changes.
const plainHttpHosts = new Set();
const fetchOverTls = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : input);
  if (url.protocol === "https:" && plainHttpHosts.has(url.host)) {
    url.protocol = "http:";
    return fetchOverTls(input instanceof Request ? new Request(url, input) : url, init);
  }
  return fetchOverTls(input, init);
};

async function follow({ resource, plainHttp }) {
  if (plainHttp) plainHttpHosts.add(plainHttp);
  const jrd = await lookupWebFinger(resource, { allowPrivateAddress: true });
  const self = jrd.links.find((link) => link.rel === "self");
  const ctx = federation.createContext(new URL(origin), undefined);
  const columnist = await ctx.lookupObject(self.href);
  await ctx.sendActivity(
    { identifier: "reader" },
    columnist,
    new Follow({
      id: new URL(`${origin}/users/reader#follows/${Date.now()}`),
      actor: ctx.getActorUri("reader"),
      object: columnist.id,
    }),
    { immediate: true },
  );
  return { subject: jrd.subject, actor: columnist.id.href, name: columnist.name?.toString() };
}

async function body(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks);
}

let origin;
const server = http.createServer(async (request, response) => {
  try {
    const data = await body(request);
    if (request.url === "/control/events") {
      response.writeHead(200, { "Content-Type": "application/json" });
      return response.end(JSON.stringify(events));
    }
    if (request.url === "/control/follow") {
      const result = await follow(JSON.parse(data));
      response.writeHead(200, { "Content-Type": "application/json" });
      return response.end(JSON.stringify(result));
    }
    const answer = await federation.fetch(
      new Request(origin + request.url, {
        method: request.method,
        headers: Object.entries(request.headers).flatMap(([name, value]) =>
          [value].flat().map((one) => [name, one])),
        body: ["GET", "HEAD"].includes(request.method) ? undefined : data,
      }),
      { contextData: undefined },
    );
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(Buffer.from(await answer.arrayBuffer()));
  } catch (error) {
    response.writeHead(500, { "Content-Type": "text/plain" });
    response.end(String(error?.stack ?? error));
  }
});
server.listen(0, "127.0.0.1", () => {
  origin = `http://127.0.0.1:${server.address().port}`;
  console.log(`listening ${server.address().port}`);
});
