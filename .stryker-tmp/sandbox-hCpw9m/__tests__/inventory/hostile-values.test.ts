// @ts-nocheck
import { checkTemplateStrings } from "../../contracts/terraform-strings";
import { terraformLiteral } from "../../constructs/terraform-literal";
import { Inventory, InventoryError, parseInventory } from "../../inventory";
import { defineEstate } from "../../main";
import { synthApp, StackJson } from "../helpers/synth";
import { checkRow, defaultRaw, HostileRow } from "./hostile-table";
import { getAt, pathText, schemaLeaves, setAt } from "./schema-leaves";

/** Hostile values in a well-formed file: every row is written as YAML and loaded through HOMELAB_INVENTORY. */

const set = (path: string, value: unknown) => (raw: any) => setAt(raw, path.split("."), value);
const cyrillicA = "\u0430";
const cyrillicO = "\u043e";
const vaultToken = `hvs.${"CAESIJ9x1k2Lq8".repeat(3)}`;

const rows: HostileRow[] = [
  // Paths: normalized, never climbing, inside an export of the NFS server.
  { name: ".. in an NFS path", input: { mutate: set("kubernetes.nfs.backupRoot", "/srv/nfs/../../etc") }, expect: { error: ['kubernetes.nfs.backupRoot = "/srv/nfs/../../etc": must not contain "." or ".." segments'] } },
  { name: ". in an NFS path", input: { mutate: set("kubernetes.nfs.mediaPath", "/srv/nfs/./media") }, expect: { error: ['kubernetes.nfs.mediaPath = "/srv/nfs/./media": must not contain "." or ".."'] } },
  { name: "a relative NFS path", input: { mutate: set("kubernetes.nfs.mediaPath", "srv/nfs/media") }, expect: { error: ['kubernetes.nfs.mediaPath = "srv/nfs/media": must be an absolute path below /'] } },
  { name: "an NFS path outside every export", input: { mutate: set("kubernetes.nfs.mediaPath", "/etc/shadow") }, expect: { error: ['kubernetes.nfs.mediaPath = "/etc/shadow": is not inside an export of the NFS server; allowed: a path at or under /srv/nfs, /srv/nfs-ssd'] } },
  { name: "a sibling that merely starts like the export", input: { mutate: set("kubernetes.nfs.mediaPath", "/srv/nfsframe") }, expect: { error: ['kubernetes.nfs.mediaPath = "/srv/nfsframe": is not inside an export'] } },
  { name: "the whole file system as an export", input: { mutate: set("kubernetes.nfs.exports", ["/"]) }, expect: { error: ['kubernetes.nfs.exports[0] = "/": must be an absolute path below /'] } },
  { name: "an export that climbs", input: { mutate: set("kubernetes.nfs.exports", ["/srv/nfs/.."]) }, expect: { error: ['kubernetes.nfs.exports[0] = "/srv/nfs/..": must not contain'] } },
  { name: "a space in an NFS path", input: { mutate: set("kubernetes.nfs.mediaPath", "/srv/nfs/my media") }, expect: { error: ['kubernetes.nfs.mediaPath = "/srv/nfs/my media": must be an absolute path'] } },
  { name: "a NUL in an NFS path", input: { mutate: set("kubernetes.nfs.mediaPath", "/srv/nfs\0/media") }, expect: { error: ['kubernetes.nfs.mediaPath = "/srv/nfs\\u0000/media": must be an absolute path'] } },
  { name: "a 5 000-character NFS path", input: { mutate: set("kubernetes.nfs.backupRoot", `/srv/nfs/${"d".repeat(4991)}`) }, expect: { error: [/kubernetes\.nfs\.backupRoot = "\/srv\/nfs\/d+"\.\.\. \(5000 characters\): must be at most 1024 characters/] } },
  {
    name: "doubled and trailing slashes are normalized",
    input: { mutate: (raw) => Object.assign(raw.kubernetes.nfs, { exports: ["/srv//nfs/"], mediaPath: "/srv//nfs/media/" }) },
    expect: { accepted: (inventory) => expect(inventory.kubernetes.nfs).toMatchObject({ exports: ["/srv/nfs"], mediaPath: "/srv/nfs/media" }) },
  },
  // Host names.
  { name: "a Cyrillic look-alike in a domain", input: { mutate: set("domains.public", `ex${cyrillicA}mple.org`) }, expect: { error: ['domains.public = "ex\\u0430mple.org": must be a lowercase ASCII DNS name'] } },
  { name: "a NUL in a domain", input: { mutate: set("domains.public", "example.org\0.evil") }, expect: { error: ['domains.public = "example.org\\u0000.evil": must be a lowercase ASCII DNS name'] } },
  { name: "a newline in the NFS server", input: { mutate: set("kubernetes.nfs.server", "proxmox.home.arpa\nevil") }, expect: { error: ['kubernetes.nfs.server = "proxmox.home.arpa\\nevil": must be a lowercase ASCII DNS name'] } },
  { name: "a trailing dot", input: { mutate: set("domains.lan", "home.arpa.") }, expect: { error: ['domains.lan = "home.arpa.": must be a lowercase ASCII DNS name'] } },
  { name: "a megabyte-long domain", input: { mutate: set("domains.public", `${"a".repeat(200_000)}!`) }, expect: { error: [/^\S+ domains\.public = "a{60}"\.\.\. \(200001 characters\): must be at most 253 characters$/] } },
  {
    name: "a long annotation key that would make its pattern backtrack is refused by length first",
    input: { mutate: set("kubernetes.uptimeMonitorAnnotation", `${"a".repeat(200_000)}!`) },
    expect: { error: ["kubernetes.uptimeMonitorAnnotation = \"aaaa", "must be at most 317 characters"] },
  },
  { name: "a capitalised node name", input: { mutate: (raw) => (raw.nomad.main.nodes[0].name = "Hestia") }, expect: { error: ['nomad.main.nodes[0].name = "Hestia": must be a lowercase host name label'] } },
  { name: "a dotted node name", input: { mutate: (raw) => (raw.nomad.main.nodes[0].name = "hestia.local") }, expect: { error: ['nomad.main.nodes[0].name = "hestia.local": must be a lowercase host name label'] } },
  // URLs: an origin and nothing else.
  { name: "a password in a URL is refused and never shown", input: { mutate: set("vault.address", "https://admin:hunter2@vault.example.org") }, expect: { error: ["vault.address = <not shown: looks like a connection string with a password>: must be an http:// or https:// URL of a host"] } },
  { name: "a Vault token pasted as an address is never shown", input: { mutate: set("vault.address", vaultToken) }, expect: { error: ["vault.address = <not shown: looks like a Vault token>"] } },
  { name: "a path in the MinIO endpoint", input: { mutate: set("minio.endpoint", "http://minio.service.consul:9000/bucket") }, expect: { error: ['minio.endpoint = "http://minio.service.consul:9000/bucket": must be an http:// or https:// URL of a host and an optional port only'] } },
  { name: "a query in the Nomad address", input: { mutate: set("nomad.main.address", "https://nomad.example.org:443/?region={{x}}") }, expect: { error: ['nomad.main.address = "https://nomad.example.org:443/?region={{x}}": must be an http'] } },
  { name: "a port above 65535", input: { mutate: set("nomad.bitcoin.address", "http://bitcoin-nomad.home.arpa:99999") }, expect: { error: ['nomad.bitcoin.address = "http://bitcoin-nomad.home.arpa:99999": has a port above 65535'] } },
  { name: "an upper-case URL", input: { mutate: set("vault.address", "HTTPS://VAULT.EXAMPLE.ORG") }, expect: { error: ['vault.address = "HTTPS://VAULT.EXAMPLE.ORG": must be an http'] } },
  { name: "an IPv6 literal", input: { mutate: set("vault.address", "https://[::1]:8200") }, expect: { error: ['vault.address = "https://[::1]:8200": must be an http'] } },
  { name: "another scheme", input: { mutate: set("vault.address", "ftp://vault.example.org") }, expect: { error: ['vault.address = "ftp://vault.example.org": must be an http'] } },
  { name: "a javascript: URL", input: { mutate: set("vault.address", "javascript:alert(1)") }, expect: { error: ['vault.address = "javascript:alert(1)": must be an http'] } },
  { name: "a Cyrillic look-alike in a URL host", input: { mutate: set("vault.address", `https://v${cyrillicA}ult.example.org`) }, expect: { error: ['vault.address = "https://v\\u0430ult.example.org": must be an http'] } },
  {
    name: "a trailing slash on an address is dropped",
    input: { mutate: set("nomad.main.address", "https://nomad.example.org:443/") },
    expect: { accepted: (inventory) => expect(inventory.nomad.main.address).toBe("https://nomad.example.org:443") },
  },
  {
    name: "an OIDC issuer is kept exactly as written, a path and a trailing slash included (it must equal the tokens' iss)",
    input: { mutate: set("nomad.main.oidcIssuer", "https://nomad.example.org/oidc/") },
    expect: { accepted: (inventory) => expect(inventory.nomad.main.oidcIssuer).toBe("https://nomad.example.org/oidc/") },
  },
  { name: "a query in the OIDC issuer", input: { mutate: set("nomad.main.oidcIssuer", "https://nomad.example.org/?x={{y}}") }, expect: { error: ['nomad.main.oidcIssuer = "https://nomad.example.org/?x={{y}}": must be an http:// or https:// URL of a host, an optional port and path'] } },
  { name: "a .. segment in the OIDC issuer", input: { mutate: set("nomad.main.oidcIssuer", "https://nomad.example.org/a/../b") }, expect: { error: ['nomad.main.oidcIssuer = "https://nomad.example.org/a/../b": must not contain "." or ".." path segments'] } },
  // Node addresses.
  { name: "0.0.0.0 as a node", input: { mutate: (raw) => (raw.nomad.main.nodes[0].address = "0.0.0.0") }, expect: { error: ['nomad.main.nodes[0].address = "0.0.0.0": must be a host\'s unicast address'] } },
  { name: "loopback as a node", input: { mutate: (raw) => (raw.nomad.bitcoin.nodes[1].address = "127.0.0.1") }, expect: { error: ['nomad.bitcoin.nodes[1].address = "127.0.0.1": must be a host\'s unicast address'] } },
  { name: "broadcast as a node", input: { mutate: (raw) => (raw.nomad.bitcoin.nodes[1].address = "255.255.255.255") }, expect: { error: ["must be a host's unicast address"] } },
  { name: "leading zeros in an address", input: { mutate: (raw) => (raw.nomad.main.nodes[0].address = "192.168.001.5") }, expect: { error: ['nomad.main.nodes[0].address = "192.168.001.5": must be an IPv4 address'] } },
  { name: "a trailing space in an address", input: { mutate: (raw) => (raw.nomad.main.nodes[0].address = "192.168.1.5 ") }, expect: { error: ['nomad.main.nodes[0].address = "192.168.1.5 ": must be an IPv4 address'] } },
  { name: "two nodes at one address", input: { mutate: (raw) => (raw.nomad.main.nodes[2].address = raw.nomad.main.nodes[1].address) }, expect: { error: ['nomad.main.nodes[2].address = "192.168.1.6": is a duplicate node address'] } },
  {
    name: "300 nodes",
    input: { mutate: (raw) => (raw.nomad.bitcoin.nodes = Array.from({ length: 300 }, (_, i) => ({ name: `pi-${i}`, address: `10.0.${i >> 8}.${(i & 255) + 1}`, arch: "arm64" }))) },
    expect: { error: [/nomad\.bitcoin\.nodes = \[.*: has more than 256 nodes/] },
  },
  // Wrong types and shapes.
  { name: "a port as a string", input: { mutate: set("externalPostgres.port", "5433") }, expect: { error: ['externalPostgres.port = "5433": Invalid input: expected number, received string'] } },
  { name: "a fractional port", input: { mutate: set("externalPostgres.port", 5433.5) }, expect: { error: ["externalPostgres.port = 5433.5: Invalid input: expected int, received number"] } },
  { name: "a port above 65535 (number)", input: { mutate: set("stateBackend.pg.port", 70000) }, expect: { error: ["stateBackend.pg.port = 70000: Too big"] } },
  { name: "a negative port", input: { mutate: set("stateBackend.pg.port", -1) }, expect: { error: ["stateBackend.pg.port = -1: Too small"] } },
  { name: 'YAML 1.1 "yes" for a boolean', input: { mutate: (raw) => (raw.nomad.main.nodes[0].gpu = "yes") }, expect: { error: ['nomad.main.nodes[0].gpu = "yes": Invalid input: expected boolean, received string'] } },
  { name: "nodes as a mapping", input: { mutate: (raw) => (raw.nomad.main.nodes = { hestia: raw.nomad.main.nodes[0] }) }, expect: { error: [/nomad\.main\.nodes = \{"hestia":.*: Invalid input: expected array, received object/] } },
  { name: "domains as a string", input: { mutate: set("domains", "example.org") }, expect: { error: ['domains = "example.org": Invalid input: expected object, received string'] } },
  { name: "an unknown arch", input: { mutate: (raw) => (raw.nomad.main.nodes[1].arch = "riscv64") }, expect: { error: ['nomad.main.nodes[1].arch = "riscv64": Invalid option: expected one of "amd64"|"arm64"'] } },
  { name: "a missing section", input: { mutate: (raw) => delete raw.vault }, expect: { error: ["vault is missing: Invalid input: expected object, received undefined"] } },
  {
    name: "an unknown field is named, its value never shown",
    input: { mutate: (raw) => (raw.nomad.main.nodes[0].ssh_password = "correct horse battery staple") },
    expect: { error: ['nomad.main.nodes[0]: unknown field(s) "ssh_password"; check the spelling against inventory/schema.ts'] },
  },
  { name: "shell syntax in a datacenter", input: { mutate: set("nomad.main.datacenter", "dc1; rm -rf /") }, expect: { error: ['nomad.main.datacenter = "dc1; rm -rf /": must be lowercase letters, digits, - or _'] } },
  { name: "a namespace that climbs", input: { mutate: set("nomad.bitcoin.namespace", "../default") }, expect: { error: ['nomad.bitcoin.namespace = "../default": must be lowercase letters, digits, - or _'] } },
  { name: "SQL in a database name", input: { mutate: set("stateBackend.pg.database", 'state"; DROP SCHEMA public; --') }, expect: { error: ['stateBackend.pg.database = "state\\"; DROP SCHEMA public; --": must be lowercase'] } },
  // The kubeconfig context: free text, but printable ASCII.
  { name: "an empty context", input: { mutate: set("kubernetes.context", "") }, expect: { error: ['kubernetes.context = "": must not be empty'] } },
  { name: "a newline in the context", input: { mutate: set("kubernetes.context", "home\nlab") }, expect: { error: ['kubernetes.context = "home\\nlab": must be printable ASCII'] } },
  { name: "a look-alike context", input: { mutate: set("kubernetes.context", `h${cyrillicO}melab`) }, expect: { error: ['kubernetes.context = "h\\u043emelab": must be printable ASCII'] } },
  { name: "a number as the context", input: { mutate: set("kubernetes.context", 42) }, expect: { error: ["kubernetes.context = 42: Invalid input: expected string, received number"] } },
  {
    name: "Terraform syntax in the context is kept as text (escaped where it is used: see below)",
    input: { mutate: set("kubernetes.context", '${file("/etc/passwd")}') },
    expect: { accepted: (inventory) => expect(inventory.kubernetes.context).toBe('${file("/etc/passwd")}') },
  },
];

describe("hostile values get an error naming the field and the value, or load correctly", () => {
  test.each(rows.map((row) => [row.name, row] as const))("%s", (_name, row) => checkRow(row));

  test("a field's error points at its line and column in the file", () => {
    expect(() => checkRow({ name: "", input: { mutate: set("domains.lan", "home.arpa.") }, expect: { error: [/inventory\.yaml:3:8: domains\.lan = "home\.arpa\."/] } })).not.toThrow();
  });
});

/** Terraform, consul-template and Nomad template syntax, as an attacker or a careless paste would write it. */
const PAYLOADS = ['${file("/etc/passwd")}', '%{ if true }x%{ endif }', '{{ with secret "x" }}{{ .Data.data.y }}{{ end }}'];

interface Case {
  readonly path: readonly (string | number)[];
  readonly value: string;
}

/** The value alone, after the field's own value, and as a URL path would carry it. */
function variants(original: unknown, payload: string): string[] {
  return [payload, `${String(original)}${payload}`, `${String(original)}/${payload}`];
}

function load(path: readonly (string | number)[], value: unknown): Inventory | InventoryError {
  const raw = defaultRaw();
  setAt(raw, path, value);
  try {
    return parseInventory(raw, "inventory.yaml");
  } catch (err) {
    if (err instanceof InventoryError) return err;
    throw err;
  }
}

const textLeaves = schemaLeaves().filter((leaf) => leaf.kind === "string" || leaf.kind === "enum");
const cases: Case[] = textLeaves.flatMap(({ path }) => PAYLOADS.flatMap((payload) => variants(getAt(defaultRaw(), path), payload).map((value) => ({ path, value }))));
const accepted: Case[] = [];

describe("template syntax in every text field of the schema is refused, or arrives as inert text", () => {
  test("the schema's text fields are found", () => {
    expect(textLeaves.map((leaf) => pathText(leaf.path))).toEqual(expect.arrayContaining(["domains.public", "nomad.main.nodes[0].name", "kubernetes.context", "minio.endpoint"]));
  });

  test.each(cases.map((c) => [pathText(c.path), c.value, c] as const))("%s = %s", (field, value, c) => {
    const result = load(c.path, value);
    if (result instanceof InventoryError) {
      const shown = JSON.stringify(value.slice(0, 20)).slice(1, -1);
      expect(result.problems).toEqual(expect.arrayContaining([expect.stringContaining(`${field} = "${shown}`)]));
    } else {
      accepted.push(c);
    }
  });

  test("only the free-text kubeconfig context takes such text", () => {
    expect([...new Set(accepted.map((c) => pathText(c.path)))]).toEqual(["kubernetes.context"]);
  });

  test("where it is taken, it reaches the synthesized estate escaped, exactly where the value goes, and Terraform's parser finds nothing live", () => {
    const marker = "inventory-marker-7f3a";
    const hostileStacks: Array<{ id: string; json: StackJson }> = [];
    for (const [field, values] of groupByField(accepted)) {
      const path = accepted.find((c) => pathText(c.path) === field)!.path;
      const baseline = synthesize(path, marker);
      // A synth costs seconds: the accepted values go in as few of them as the field's length allows.
      for (const [i, value] of joinWhileAccepted(path, values).entries()) {
        const hostile = synthesize(path, value);
        for (const id of Object.keys(baseline)) {
          if (compareStrings(baseline[id], hostile[id], id, marker, value) > 0) hostileStacks.push({ id: `${id}-${field}-${i}`, json: hostile[id] });
        }
      }
    }
    expect(hostileStacks.length).toBeGreaterThan(0);
    expect(checkTemplateStrings(hostileStacks)).toEqual([]);
  });
});

function groupByField(cases: readonly Case[]): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const c of cases) byField.set(pathText(c.path), [...(byField.get(pathText(c.path)) ?? []), c.value]);
  return byField;
}

/** The values joined with spaces into as few strings as the field still accepts. */
function joinWhileAccepted(path: readonly (string | number)[], values: readonly string[]): string[] {
  const joined: string[] = [];
  for (const value of values) {
    const longer = joined.length ? `${joined[joined.length - 1]} ${value}` : undefined;
    if (longer !== undefined && !(load(path, longer) instanceof InventoryError)) joined[joined.length - 1] = longer;
    else joined.push(value);
  }
  return joined;
}

function synthesize(path: readonly (string | number)[], value: string): Record<string, StackJson> {
  const inventory = load(path, value);
  if (inventory instanceof InventoryError) throw inventory;
  return synthApp(defineEstate, { inventory }).stacks;
}

/**
 * Walks two synthesized stacks side by side: the same shape, and every string that differs
 * is the baseline's with the marker replaced by the hostile value escaped for Terraform
 * (as a string of its own, or inside a JSON document such as a jobspec). Returns how many differ.
 */
function compareStrings(baseline: unknown, hostile: unknown, where: string, marker: string, value: string): number {
  if (typeof baseline === "string") {
    if (baseline === hostile) return 0;
    const expected = [terraformLiteral(value), terraformLiteral(JSON.stringify(value).slice(1, -1))].map((v) => baseline.split(marker).join(v));
    if (!expected.includes(hostile as string)) throw new Error(`${where}: ${JSON.stringify(hostile)} is not the baseline with the value in place of ${marker}: ${JSON.stringify(baseline)}`);
    return 1;
  }
  if (baseline === null || typeof baseline !== "object") {
    expect(hostile).toEqual(baseline);
    return 0;
  }
  const b = baseline as Record<string, unknown>;
  const h = hostile as Record<string, unknown>;
  expect(Object.keys(h).sort()).toEqual(Object.keys(b).sort());
  return Object.keys(b).reduce((sum, key) => sum + compareStrings(b[key], h[key], `${where}.${key}`, marker, value), 0);
}
