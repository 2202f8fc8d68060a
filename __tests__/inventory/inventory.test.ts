import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import YAML from "yaml";
import { defaultInventory, InventoryError, loadInventory, parseInventory } from "../../inventory";

const clone = () => JSON.parse(JSON.stringify(defaultInventory));

describe("the embedded default", () => {
  test("loads when HOMELAB_INVENTORY is unset, with placeholder domains", () => {
    const inventory = loadInventory({});
    expect(inventory.domains).toEqual({ public: "example.org", lan: "home.arpa" });
    expect(inventory.nomad.main.nodes.map((n) => [n.name, n.arch, n.gpu])).toEqual([
      ["hestia", "amd64", true],
      ["heracles", "arm64", false],
      ["nyx", "arm64", false],
    ]);
    expect(inventory.nomad.bitcoin.namespace).toBe("bitcoin");
  });

  test("the Kubernetes NFS server is the Proxmox host's /srv/nfs export (the seed retired TrueNAS)", () => {
    const { nfs } = loadInventory({}).kubernetes;
    expect(nfs.server).not.toMatch(/truenas/);
    expect(nfs.exports).toContain("/srv/nfs");
    expect(nfs.backupRoot).toBe("/srv/nfs");
  });
});

describe("an operator's file replaces the default", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "inventory-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("a YAML file named by HOMELAB_INVENTORY is used", () => {
    const operator = clone();
    operator.domains = { public: "lab.example.net", lan: "lan.example.net" };
    const file = join(dir, "inventory.yaml");
    writeFileSync(file, YAML.stringify(operator));
    expect(loadInventory({ HOMELAB_INVENTORY: file }).domains.public).toBe("lab.example.net");
  });

  test("fails if the file cannot be read, naming the variable and the path", () => {
    const file = join(dir, "missing.yaml");
    expect(() => loadInventory({ HOMELAB_INVENTORY: file })).toThrow(`invalid inventory (${file}):\n  cannot open the file named by HOMELAB_INVENTORY: ENOENT`);
  });

  test("fails if the file is not YAML, pointing at the line and column", () => {
    const file = join(dir, "broken.yaml");
    writeFileSync(file, "domains:\n  public: [unclosed");
    expect(() => loadInventory({ HOMELAB_INVENTORY: file })).toThrow(`${file}:2:20: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`);
  });

  test("a field's problem points at the line and column where the field is written", () => {
    const operator = clone();
    operator.nomad.main.nodes[1].arch = "x86_64";
    const file = join(dir, "inventory.yaml");
    const text = YAML.stringify(operator);
    writeFileSync(file, text);
    const line = text.split("\n").findIndex((l) => l.includes("x86_64")) + 1;
    const col = text.split("\n")[line - 1].indexOf("x86_64") + 1;
    expect(() => loadInventory({ HOMELAB_INVENTORY: file })).toThrow(`${file}:${line}:${col}: nomad.main.nodes[1].arch = "x86_64": Invalid option`);
  });

  test("an unknown field is pointed at by its key", () => {
    const file = join(dir, "inventory.yaml");
    writeFileSync(file, YAML.stringify(clone()).replace("vault:\n", "vault:\n  adress: https://vault.example.org\n"));
    const line = YAML.stringify(clone()).split("\n").indexOf("vault:") + 2;
    expect(() => loadInventory({ HOMELAB_INVENTORY: file })).toThrow(`${file}:${line}:3: vault: unknown field(s) "adress"`);
  });
});

describe("bad inventories fail naming the field, the bad value and what is allowed", () => {
  const problemsOf = (mutate: (raw: any) => void): readonly string[] => {
    const raw = clone();
    mutate(raw);
    try {
      parseInventory(raw, "test.yaml");
    } catch (err) {
      expect(err).toBeInstanceOf(InventoryError);
      return (err as InventoryError).problems;
    }
    throw new Error("expected the inventory to be rejected");
  };

  test("fails if a node's arch is not amd64 or arm64", () => {
    expect(problemsOf((r) => (r.nomad.main.nodes[1].arch = "x86_64"))).toEqual([
      'nomad.main.nodes[1].arch = "x86_64": Invalid option: expected one of "amd64"|"arm64"',
    ]);
  });

  test("fails if the Nomad address is not an http(s) URL", () => {
    expect(problemsOf((r) => (r.nomad.bitcoin.address = "bitcoin-nomad:4646"))).toEqual([
      'nomad.bitcoin.address = "bitcoin-nomad:4646": must be an http:// or https:// URL of a host and an optional port only, such as https://vault.example.org:8200 (lowercase; no user, path, query or fragment)',
    ]);
  });

  test("fails if a field is missing", () => {
    expect(problemsOf((r) => delete r.kubernetes.context)).toEqual([
      "kubernetes.context is missing: Invalid input: expected string, received undefined",
    ]);
  });

  test("fails on an unknown (misspelt) field", () => {
    expect(problemsOf((r) => (r.vault.adress = "https://vault.example.org"))).toEqual([
      'vault: unknown field(s) "adress"; check the spelling against inventory/schema.ts',
    ]);
  });

  test("fails if a domain is not a lowercase DNS name, or node names repeat, or two nodes have the GPU", () => {
    expect(
      problemsOf((r) => {
        r.domains.public = "Example.ORG";
        r.nomad.main.nodes[2].name = "hestia";
        r.nomad.main.nodes[1].gpu = true;
      }),
    ).toEqual([
      'domains.public = "Example.ORG": must be a lowercase ASCII DNS name such as example.org',
      'nomad.main.nodes[2].name = "hestia": is a duplicate node name',
      expect.stringMatching(/^nomad.main.nodes = .*: has more than one GPU node/),
    ]);
  });

  test("fails if Traefik's load-balancer address or a PROXY protocol sender is not a unicast IPv4 address", () => {
    expect(
      problemsOf((r) => {
        r.kubernetes.traefik.loadBalancerAddress = "192.168.20.256";
        r.kubernetes.traefik.proxyProtocolTrustedIPs = ["0.0.0.0"];
      }),
    ).toEqual([
      'kubernetes.traefik.loadBalancerAddress = "192.168.20.256": must be an IPv4 address such as 192.168.1.5',
      'kubernetes.traefik.proxyProtocolTrustedIPs[0] = "0.0.0.0": must be a host\'s unicast address (not 0.x.x.x, loopback, multicast or reserved)',
    ]);
  });

  test("fails if a Kyverno excluded namespace is not a namespace name, or a trusted registry carries a wildcard", () => {
    expect(
      problemsOf((r) => {
        r.kubernetes.kyverno.excludedNamespaces = ["kube_system"];
        r.kubernetes.kyverno.trustedRegistries = ["docker.io", "*.example.org", "ghcr.io/"];
      }),
    ).toEqual([
      'kubernetes.kyverno.excludedNamespaces[0] = "kube_system": must be a Kubernetes namespace name (a DNS label) such as kube-system',
      'kubernetes.kyverno.trustedRegistries[1] = "*.example.org": must be an image registry such as ghcr.io or forgejo.example.org/team (lowercase host, optional port and path; no wildcard)',
      'kubernetes.kyverno.trustedRegistries[2] = "ghcr.io/": must be an image registry such as ghcr.io or forgejo.example.org/team (lowercase host, optional port and path; no wildcard)',
    ]);
  });

  test("fails if a Traefik middleware is not a router annotation reference", () => {
    expect(problemsOf((r) => (r.kubernetes.traefik.middlewares.retry = "retry"))).toEqual([
      'kubernetes.traefik.middlewares.retry = "retry": must be a Traefik middleware reference such as traefik-retry@kubernetescrd',
    ]);
  });
});

test("reading a file leaves the process's stack trace limit as it was, whether the file is read or refused", () => {
  const dir = mkdtempSync(join(tmpdir(), "homelab-inv-"));
  const before = Error.stackTraceLimit;
  // A value of this test's own: an earlier load that left the limit changed cannot hide here.
  Error.stackTraceLimit = 17;
  try {
    for (const [name, text] of [["good.yaml", YAML.stringify(defaultInventory)], ["bad.yaml", "domains: [\n]]]\n"]]) {
      writeFileSync(join(dir, name), text);
      try {
        loadInventory({ HOMELAB_INVENTORY: join(dir, name) });
      } catch (err) {
        expect(err).toBeInstanceOf(InventoryError);
      }
      expect(Error.stackTraceLimit).toBe(17);
    }
  } finally {
    Error.stackTraceLimit = before;
    rmSync(dir, { recursive: true, force: true });
  }
});
