import { execFileSync } from "child_process";
import { fstatSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from "fs";
import { join } from "path";
import { MAX_INVENTORY_BYTES } from "../../inventory";
import { asYaml, checkRow, defaultRaw, HostileRow, loadRow } from "./hostile-table";

/** Hostile inventory files: what kind of file, its bytes, its YAML structure. Values are in hostile-values.test.ts. */

const valid = asYaml(() => {});
const publicIs = (domain: string) => ({ accepted: (inventory: { domains: { public: string } }) => expect(inventory.domains.public).toBe(domain) });
const notARegularFile = /the file is (a directory|a FIFO \(named pipe\)|a character device|a block device|a socket|not a regular file); HOMELAB_INVENTORY must name a regular YAML or JSON file/;

const rows: HostileRow[] = [
  // What kind of file.
  { name: "a directory", input: { make: (dir) => dir }, expect: { error: ["the file is a directory"] } },
  {
    name: "a FIFO is refused without waiting for a writer",
    input: {
      make: (dir) => {
        execFileSync("mkfifo", [join(dir, "fifo")]);
        return join(dir, "fifo");
      },
    },
    expect: { error: ["the file is a FIFO (named pipe)"] },
  },
  { name: "/dev/zero (endless)", input: { make: () => "/dev/zero" }, expect: { error: ["the file is a character device"] } },
  { name: "/dev/null", input: { make: () => "/dev/null" }, expect: { error: ["the file is a character device"] } },
  {
    name: "a symlink to /dev/zero is judged by what it points at",
    input: {
      make: (dir) => {
        symlinkSync("/dev/zero", join(dir, "inventory.yaml"));
        return join(dir, "inventory.yaml");
      },
    },
    expect: { error: ["the file is a character device"] },
  },
  {
    name: "a symlink to a regular file is followed",
    input: {
      make: (dir) => {
        writeFileSync(join(dir, "real.yaml"), valid);
        symlinkSync(join(dir, "real.yaml"), join(dir, "inventory.yaml"));
        return join(dir, "inventory.yaml");
      },
    },
    expect: publicIs("example.org"),
  },
  {
    name: "a dangling symlink",
    input: {
      make: (dir) => {
        symlinkSync(join(dir, "gone.yaml"), join(dir, "inventory.yaml"));
        return join(dir, "inventory.yaml");
      },
    },
    expect: { error: [/cannot open the file named by HOMELAB_INVENTORY: ENOENT/] },
  },
  {
    name: "a symlink loop",
    input: {
      make: (dir) => {
        symlinkSync(join(dir, "b"), join(dir, "a"));
        symlinkSync(join(dir, "a"), join(dir, "b"));
        return join(dir, "a");
      },
    },
    expect: { error: [/cannot open the file named by HOMELAB_INVENTORY: ELOOP/] },
  },
  {
    name: "a path through a file as if it were a directory",
    input: {
      make: (dir) => {
        writeFileSync(join(dir, "file"), valid);
        return join(dir, "file", "inventory.yaml");
      },
    },
    expect: { error: [/cannot open the file named by HOMELAB_INVENTORY: ENOTDIR/] },
  },
  // Size.
  {
    name: "a 10 GiB (sparse) file is refused before reading",
    input: {
      make: (dir) => {
        writeFileSync(join(dir, "huge.yaml"), "");
        truncateSync(join(dir, "huge.yaml"), 10 * 1024 ** 3);
        return join(dir, "huge.yaml");
      },
    },
    expect: { error: [`the file is ${10 * 1024 ** 3} bytes; an inventory is at most ${MAX_INVENTORY_BYTES} bytes`] },
  },
  { name: "one byte over the bound", input: { text: valid + " ".repeat(MAX_INVENTORY_BYTES + 1 - Buffer.byteLength(valid)) }, expect: { error: [`is ${MAX_INVENTORY_BYTES + 1} bytes`] } },
  {
    name: "exactly at the bound (a long comment) is read",
    input: { text: valid + "#" + "x".repeat(MAX_INVENTORY_BYTES - Buffer.byteLength(valid) - 2) + "\n" },
    expect: publicIs("example.org"),
  },
  // Empty.
  { name: "an empty file", input: { text: "" }, expect: { error: ["the file holds no data"] } },
  { name: "only comments and blank lines", input: { text: "# nothing yet\n\n   \n" }, expect: { error: ["the file holds no data"] } },
  // Encoding.
  { name: "Latin-1 text (not UTF-8)", input: { text: Buffer.concat([Buffer.from("# caf"), Buffer.from([0xe9]), Buffer.from("\n" + valid)]) }, expect: { error: [/inventory\.yaml:1:6: byte 0xe9 is not UTF-8/] } },
  { name: "UTF-16 with a byte-order mark", input: { text: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, "utf16le")]) }, expect: { error: [/inventory\.yaml:1:1: byte 0xff is not UTF-8/] } },
  { name: "a NUL byte (binary data)", input: { text: `domains:\n  public: exa\0mple.org\n` }, expect: { error: [/inventory\.yaml:2:14: control character U\+0000: binary data/] } },
  { name: "an ESC control character", input: { text: `# \x1b[31mred\n${valid}` }, expect: { error: [/inventory\.yaml:1:3: control character U\+001B/] } },
  { name: "random binary bytes", input: { text: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 200) % 256)) }, expect: { error: [/inventory\.yaml:1:\d+: byte 0x[0-9a-f]{2} is not UTF-8/] } },
  { name: "a UTF-8 byte-order mark is allowed", input: { text: `\ufeff${valid}` }, expect: publicIs("example.org") },
  { name: "a real U+FFFD in a comment is text, not a decoding error", input: { text: `# \ufffd\n${valid}` }, expect: publicIs("example.org") },
  { name: "CRLF line endings", input: { text: valid.replace(/\n/g, "\r\n") }, expect: publicIs("example.org") },
  // JSON.
  { name: "a JSON file", input: { text: JSON.stringify(defaultRaw(), null, 2), ext: "json" }, expect: publicIs("example.org") },
  {
    name: "a JSON file with a trailing comma",
    input: { text: JSON.stringify(defaultRaw(), null, 2).replace(/\n}$/, ",\n}"), ext: "json" },
    expect: { error: [/inventory\.json:\d+:\d+: not valid JSON: .*\(a \.json inventory is strict JSON: no trailing commas, no comments\)/] },
  },
  { name: "a JSON file with a comment", input: { text: `// mine\n${JSON.stringify(defaultRaw())}`, ext: "json" }, expect: { error: [/inventory\.json:1:1: not valid JSON/] } },
  {
    name: "JSON with a trailing comma in a .yaml file is YAML, where a trailing comma is allowed",
    input: { text: JSON.stringify(defaultRaw(), null, 2).replace(/\n}$/, ",\n}") },
    expect: publicIs("example.org"),
  },
  {
    name: "duplicate keys in JSON",
    input: { text: JSON.stringify(defaultRaw(), null, 2).replace('"public": "example.org",', '"public": "example.org",\n    "public": "evil.example",'), ext: "json" },
    expect: { error: [/inventory\.json:4:5: key "public" appears twice in one mapping; keep one/] },
  },
  // YAML structure.
  { name: "duplicate keys in YAML", input: { text: valid.replace("  public: example.org\n", "  public: example.org\n  public: evil.example\n") }, expect: { error: [/inventory\.yaml:3:3: key "public" appears twice/] } },
  { name: "a syntax error", input: { text: "domains:\n  public: [example.org\n" }, expect: { error: [/inventory\.yaml:\d+:\d+: not valid YAML: /] } },
  { name: "tabs as indentation", input: { text: "domains:\n\tpublic: example.org\n" }, expect: { error: [/inventory\.yaml:2:1: not valid YAML: Tabs are not allowed as indentation/] } },
  { name: "two YAML documents", input: { text: `${valid}---\n${valid}` }, expect: { error: [/inventory\.yaml:\d+:1: the file holds more than one YAML document/] } },
  { name: "an alias cycle", input: { text: valid.replace("domains:\n", "domains: &d\n  loop: *d\n") }, expect: { error: [/inventory\.yaml:2:9: alias \*d is inside the value it refers to \(a cycle\)/] } },
  { name: "an alias to no anchor", input: { text: valid.replace("  public: example.org", "  public: *nowhere") }, expect: { error: [/inventory\.yaml:2:11: alias \*nowhere refers to no anchor before it/] } },
  {
    name: "a billion laughs",
    input: {
      text: ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]", ..."bcdefghi".split("").map((c, i) => `${c}: &${c} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(", ")}]`)].join("\n") + "\n",
    },
    expect: { error: ["aliases expand to more than 100 nodes"] },
  },
  // Many small things: each was quadratic somewhere once (alias look-ups, error excerpts of one long line).
  { name: "20 000 aliases of one anchor", input: { text: `a: &x 1\nb: [${"*x, ".repeat(20_000)}]\n` }, expect: { error: ["aliases expand to more than 100 nodes"] } },
  { name: "a line of 30 000 quote characters", input: { text: '"'.repeat(30_000) }, expect: { error: [/inventory\.yaml:1:\d+: not valid YAML: /, /^\.\.\. and \d+ more$/] } },
  { name: "30 000 stray closing brackets", input: { text: "]".repeat(30_000) }, expect: { error: [/inventory\.yaml:1:1: not valid YAML: Unexpected flow-seq-end token/, /^\.\.\. and 29950 more$/] } },
  {
    name: "anchors and aliases within bounds are plain YAML",
    input: { text: valid.replace("domains:\n  public: example.org", "domains:\n  public: &pub example.org").replace("lan: home.arpa", "lan: *pub") },
    expect: { accepted: (inventory) => expect(inventory.domains).toEqual({ public: "example.org", lan: "example.org" }) },
  },
  { name: "a !!js/function tag", input: { text: valid.replace("public: example.org", "public: !!js/function 'function () { return 1 }'") }, expect: { error: [/inventory\.yaml:2:11: YAML tag !!js\/function: an inventory is plain data/] } },
  { name: "a !!binary tag", input: { text: valid.replace("public: example.org", "public: !!binary ZXhhbXBsZS5vcmc=") }, expect: { error: [/inventory\.yaml:2:11: YAML tag !!binary: an inventory is plain data, without tags/] } },
  { name: "a !!set tag on a mapping", input: { text: valid.replace("domains:\n", "domains: !!set\n") }, expect: { error: [/inventory\.yaml:1:10: YAML tag !!set: an inventory is plain data/] } },
  { name: "a local !tag", input: { text: valid.replace("public: example.org", "public: !secret example.org") }, expect: { error: [/inventory\.yaml:2:11: YAML tag !secret: an inventory is plain data/] } },
  { name: "flow nesting 100 000 deep", input: { text: `x: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n` }, expect: { error: [/inventory\.yaml:1:\d+: nested more than 32 levels deep/] } },
  {
    name: "block nesting 200 deep",
    input: { text: Array.from({ length: 200 }, (_, i) => `${" ".repeat(i)}k:`).join("\n") + " 1\n" },
    expect: { error: [/inventory\.yaml:\d+:\d+: nested more than 32 levels deep/] },
  },
  { name: "a merge key (<<) is not merged", input: { text: valid.replace("domains:\n", "base: &b\n  public: example.org\ndomains:\n  <<: *b\n") }, expect: { error: ['top level: unknown field(s) "base"', 'domains: unknown field(s) "<<"'] } },
  {
    name: "__proto__ is an unknown field, and nothing is polluted",
    input: { text: `__proto__:\n  polluted: true\n${valid}` },
    expect: { error: [/inventory\.yaml:1:1: top level: unknown field\(s\) "__proto__"/] },
  },
  { name: "a list at the top level", input: { text: "- example.org\n" }, expect: { error: [/inventory\.yaml:1:1: inventory = \["example\.org"\]: Invalid input: expected object, received array/] } },
  { name: "a plain string", input: { text: "example.org\n" }, expect: { error: [/inventory = "example\.org": Invalid input: expected object, received string/] } },
  {
    name: "a file full of unknown fields is summarised",
    input: { text: valid + Array.from({ length: 15_000 }, (_, i) => `extra${i}: 1`).join("\n") + "\n" },
    expect: { error: [/top level: unknown field\(s\) "extra0", .*"extra9" and 14990 more/] },
  },
  {
    name: "1 and \"1\" are the same key once loaded",
    input: { text: `${valid}1: a\n"1": b\n` },
    expect: { error: [/inventory\.yaml:\d+:1: key "1" appears twice in one mapping/] },
  },
  {
    name: "a list as a key",
    input: { text: `${valid}? [a, b]\n: c\n` },
    expect: { error: [/inventory\.yaml:\d+:3: a key must be a plain string/] },
  },
  {
    name: "a 2 000-character plain key is beyond YAML's 1024",
    input: { text: `${"k".repeat(2000)}: 1\n${valid}` },
    expect: { error: [/inventory\.yaml:1:1: not valid YAML: The : indicator must be at most 1024 chars/] },
  },
  {
    name: "a 100 000-character explicit key is cut short in the message",
    input: { text: `? ${"k".repeat(100_000)}\n: 1\n${valid}` },
    expect: { error: [/unknown field\(s\) "k{60}"\.\.\. \(100000 characters\)/] },
  },
];

describe("hostile inventory files get a clear error naming the file, or load correctly", () => {
  test.each(rows.map((row) => [row.name, row] as const))("%s", (_name, row) => checkRow(row));

  test("__proto__ in a file pollutes no prototype", () => {
    loadRow(rows.find((row) => row.name.startsWith("__proto__"))!);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("/dev/stdin is read only when it is a regular file", () => {
    const { error } = loadRow({ name: "stdin", input: { make: () => "/dev/stdin" }, expect: { error: [] } });
    // A socket for stdin (a test runner's worker) cannot even be opened: a clear error too.
    const refused = new RegExp(`${notARegularFile.source}|cannot open the file named by HOMELAB_INVENTORY: ENXIO`);
    if (!fstatSync(0).isFile()) expect(error?.problems).toEqual([expect.stringMatching(refused)]);
  });

  test("a directory named like a YAML file is still a directory", () => {
    const { error } = loadRow({
      name: "dir",
      input: {
        make: (dir) => {
          mkdirSync(join(dir, "inventory.yaml"));
          return join(dir, "inventory.yaml");
        },
      },
      expect: { error: [] },
    });
    expect(error?.problems).toEqual(["the file is a directory; HOMELAB_INVENTORY must name a regular YAML or JSON file"]);
  });
});
