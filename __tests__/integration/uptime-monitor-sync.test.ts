/**
 * The uptime monitor sync's program, run for real with python3 against a stand-in
 * Kubernetes API (a local HTTP server) and a stand-in of the uptime-kuma-api package that
 * records what it is asked to do: Uptime Kuma itself cannot run offline.
 */
import { spawn } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { createServer, Server } from "http";
import { AddressInfo } from "net";
import { tmpdir } from "os";
import { join } from "path";
import { UPTIME_MONITOR_SYNC_PY } from "../../constructs/uptime-monitor-sync-script";
import { UPTIME_MONITOR_ANNOTATION, UPTIME_PATH_ANNOTATION } from "../../policy/rules/k8s-workload-observability";

const EXTERNAL_ANNOTATION = "uptime.example.org/external-monitor";
const work = mkdtempSync(join(tmpdir(), "homelab-uptime-sync-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A stand-in of uptime_kuma_api: monitors from a JSON file, every call appended to a log.
const stub = join(work, "stub");
mkdirSync(join(stub, "uptime_kuma_api"), { recursive: true });
writeFileSync(
  join(stub, "uptime_kuma_api", "__init__.py"),
  `import json, os
class MonitorType:
    HTTP = "http"
    PORT = "port"
def _log(*call):
    with open(os.environ["STUB_LOG"], "a") as f:
        f.write(json.dumps(call) + "\\n")
class UptimeKumaApi:
    def __init__(self, url, timeout=None):
        _log("connect", url)
    def login(self, user, password):
        _log("login", user)
    def get_monitors(self):
        with open(os.environ["STUB_MONITORS"]) as f:
            return json.load(f)
    def add_monitor(self, **fields):
        _log("add", fields)
    def edit_monitor(self, id, **fields):
        _log("edit", id, fields)
    def delete_monitor(self, id):
        _log("delete", id)
    def disconnect(self):
        pass
`,
);

let items: { ingresses: unknown[]; services: unknown[] } = { ingresses: [], services: [] };
let server: Server;
let api = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    const body = req.url === "/apis/networking.k8s.io/v1/ingresses" ? items.ingresses : req.url === "/api/v1/services" ? items.services : undefined;
    res.writeHead(body ? 200 : 404, { "content-type": "application/json" });
    res.end(JSON.stringify(body ? { items: body } : { message: "not found" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ingress = (name: string, host: string, marked: boolean) => ({
  metadata: { name, namespace: "web", annotations: marked ? { [EXTERNAL_ANNOTATION]: "true" } : {} },
  spec: { rules: [{ host }] },
});
const service = (name: string, port: number, path?: string) => ({
  metadata: { name, namespace: name, annotations: { [UPTIME_MONITOR_ANNOTATION]: "internal", ...(path ? { [UPTIME_PATH_ANNOTATION]: path } : {}) } },
  spec: { ports: [{ port }] },
});

/** Runs the program; resolves with its exit code, output and the calls the stand-in recorded. */
function sync(monitors: unknown[]): Promise<{ code: number | null; output: string; calls: unknown[][] }> {
  const log = join(work, `calls-${Date.now()}-${Math.random()}.jsonl`);
  writeFileSync(log, "");
  writeFileSync(join(work, "monitors.json"), JSON.stringify(monitors));
  const env = {
    PATH: process.env.PATH,
    PYTHONPATH: stub,
    KUBE_API: api,
    EXTERNAL_ANNOTATION,
    INTERNAL_ANNOTATION: UPTIME_MONITOR_ANNOTATION,
    PATH_ANNOTATION: UPTIME_PATH_ANNOTATION,
    UPTIME_KUMA_URL: "http://uptime-kuma.uptime-kuma.svc.cluster.local:80",
    UPTIME_KUMA_USERNAME: "admin",
    UPTIME_KUMA_PASSWORD: "not-a-secret",
    STUB_LOG: log,
    STUB_MONITORS: join(work, "monitors.json"),
  };
  return new Promise((resolve) => {
    const child = spawn("python3", ["-c", UPTIME_MONITOR_SYNC_PY], { env });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => {
      const calls = readFileSync(log, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
      resolve({ code, output, calls });
    });
  });
}

test("creates an [External] monitor per marked host and an [Internal] one per marked Service, and nothing for the rest", async () => {
  items = {
    ingresses: [ingress("blog", "blog.example.org", true), ingress("blog-carve-out", "blog.example.org", true), ingress("lan", "lan.example.org", false)],
    services: [service("vaultwarden", 80, "/alive"), service("gaia-go", 8080)],
  };
  const { code, calls } = await sync([]);
  expect(code).toBe(0);
  const added = calls.filter((c) => c[0] === "add").map((c) => c[1] as Record<string, unknown>);
  expect(added.map((f) => [f.name, f.type, f.url ?? `${f.hostname}:${f.port}`])).toEqual([
    ["[External] blog.example.org", "http", "https://blog.example.org/"],
    ["[Internal] gaia-go/gaia-go", "port", "gaia-go.gaia-go.svc.cluster.local:8080"],
    ["[Internal] vaultwarden/vaultwarden", "http", "http://vaultwarden.vaultwarden.svc.cluster.local:80/alive"],
  ]);
});

test("repoints a moved monitor, deletes one whose mark is gone, and leaves hand-made monitors alone", async () => {
  items = { ingresses: [ingress("blog", "blog.example.org", true)], services: [service("vaultwarden", 80, "/alive")] };
  const { code, calls } = await sync([
    { id: 1, name: "[External] blog.example.org", type: "http", url: "https://blog.example.org/" },
    { id: 2, name: "[Internal] vaultwarden/vaultwarden", type: "http", url: "http://vaultwarden.vaultwarden.svc.cluster.local:80/old" },
    { id: 3, name: "[External] gone.example.org", type: "http", url: "https://gone.example.org/" },
    { id: 4, name: "router ping", type: "ping" },
  ]);
  expect(code).toBe(0);
  expect(calls.filter((c) => ["add", "edit", "delete"].includes(c[0] as string))).toEqual([
    ["edit", 2, { type: "http", url: "http://vaultwarden.vaultwarden.svc.cluster.local:80/alive" }],
    ["delete", 3],
  ]);
});

test("refuses to delete every synced monitor when the cluster lists nothing marked", async () => {
  items = { ingresses: [], services: [] };
  const { code, output, calls } = await sync([{ id: 1, name: "[External] blog.example.org", type: "http", url: "https://blog.example.org/" }]);
  expect(code).not.toBe(0);
  expect(output).toMatch(/refusing to delete all 1 synced monitors/);
  expect(calls.some((c) => c[0] === "delete")).toBe(false);
});
