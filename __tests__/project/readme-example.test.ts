/**
 * The README's recipes for adding a service ("Adding a service"): every block compiles under
 * the project's compiler options, each recipe synthesizes inside the real estate with every
 * house rule passing, adding it changes exactly the snapshot files the README names, every
 * image it runs is pinned in a catalogue Renovate reads, and the intent summary (`npm run
 * diff`) names what it adds.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join, posix } from "path";
import { HomelabApp, HomelabStack } from "../../constructs";
import { IMAGE_DATA_PATHS } from "../../jobspecs/image-data-paths";
import { Image, IMAGES, normalizeRepository, parseImageRef } from "../../jobspecs/images";
import { nomadJobOf, writableCsiMounts } from "../../policy/rules/nomad-support";
import { defineEstate } from "../../main";
import { StackFiles } from "../../scripts/lib/affected-core";
import { intentSummary, renderIntent } from "../../scripts/lib/intent-diff";
import { readEstatePins } from "../helpers/estate-pins";
import { renderStackSnapshot } from "../helpers/stack-snapshots";
import { typeCheck } from "../helpers/type-check";
import { synthApp, testInventory } from "../helpers/synth";
import { synthSide } from "../helpers/synth-side";
import { baseTranspiler } from "../../scripts/lib/base-transpiler";
import { processRunning } from "../../scripts/lib/process-running";
import { repoRoot } from "../../scripts/repo-root";

const ROOT = repoRoot();
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const start = readme.indexOf("## Adding a service");
const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
/** main.ts's line the wiring of a recipe goes above: what follows reads what the services declared. */
const MAIN_MARKER = "  // Last: the backup jobs save what the volumes and databases defined above chose.";
/**
 * The tables a recipe adds an entry to ("// <file>, in <TABLE>" blocks), by file: each entry
 * goes before the table's closing line, in a temporary copy of the file.
 */
const TABLE_ENDS: Readonly<Record<string, string>> = {
  "jobspecs/images.ts": "\n} as const satisfies Record<string, Image>;",
  "constructs/kubernetes-images.ts": "\n} as const satisfies Record<string, PinnedImage>;",
  "jobspecs/image-data-paths.ts": "\n};\n",
};
const TAG = `readme-${process.pid}`;

interface Block {
  /** The block's first line without "// ": where it goes, e.g. "stacks/whoami.ts" or "main.ts, inside …". */
  readonly header: string;
  readonly code: string;
}
interface Recipe {
  readonly title: string;
  readonly text: string;
  readonly blocks: readonly Block[];
}

/** Where a file block goes in the repository, or undefined for a fragment, main.ts wiring or an abridged excerpt. */
const fileOf = (b: Block) => /^((?:stacks|jobspecs)\/[a-z0-9-]+\.ts)$/.exec(b.header)?.[1];

const recipes: Recipe[] = section
  .split("\n### ")
  .slice(1)
  .map((part) => ({
    title: part.slice(0, part.indexOf("\n")),
    text: part,
    blocks: [...part.matchAll(/```ts\n\/\/ ([^\n]+)\n([\s\S]*?)```/g)].map((m) => ({ header: m[1], code: m[2] })),
  }))
  .filter((r) => r.blocks.some((b) => fileOf(b)?.startsWith("stacks/")));
/** Recipe `i`'s copy of a file, beside the real one so its relative imports resolve; removed afterwards. */
const tempOf = (path: string, i: number) => posix.join(posix.dirname(path), `${TAG}-${i}-${posix.basename(path)}`);

/** A block's code with its imports of the recipe's other files (and of the tables it extends) pointed at recipe `i`'s copies. */
function retarget(code: string, from: string, files: ReadonlySet<string>, i: number): string {
  return code.replace(/from "(\.{1,2}\/[^"]+)"/g, (whole, spec: string) => {
    const target = `${posix.join(posix.dirname(from), spec)}.ts`;
    return files.has(target) ? `from "${spec.replace(/[^/]+$/, (name) => `${TAG}-${i}-${name}`)}"` : whole;
  });
}

interface Written {
  readonly recipe: Recipe;
  /** The temporary main module defining the estate with the recipe wired in. */
  readonly main: string;
  /** The temporary stack module. */
  readonly stack: string;
  /** The stack id the recipe adds, and its cluster. */
  readonly stackId: string;
  readonly cluster: string;
  /** The temporary copies of the tables the recipe adds to, by real file. */
  readonly tables: ReadonlyMap<string, string>;
}

/**
 * Whether this test runs compiled (`npm test` runs dist/__tests__): the recipe's files are then
 * transpiled beside the rest of dist/ (the project compiles with isolatedModules, so file by file
 * gives what tsc gives); under ts-jest (mutation testing) they are required as TypeScript.
 */
const COMPILED = __filename.endsWith(".js");
/** The module to require for a repository file, e.g. "stacks/whoami.ts". */
const moduleOf = (path: string) => (COMPILED ? join(ROOT, "dist", path.replace(/\.ts$/, ".js")) : join(ROOT, path));

const written: string[] = [];

/** Copies an earlier run left behind when it was killed before its afterAll: its process is gone. */
function removeAbandonedCopies(): void {
  for (const dir of ["", "stacks", "jobspecs", "constructs", "dist", "dist/stacks", "dist/jobspecs", "dist/constructs"]) {
    if (!existsSync(join(ROOT, dir))) continue;
    for (const name of readdirSync(join(ROOT, dir))) {
      const pid = /^readme-(\d+)-/.exec(name)?.[1];
      if (pid && Number(pid) !== process.pid && !processRunning(Number(pid))) rmSync(join(ROOT, dir, name), { force: true });
    }
  }
}

/** Transpiles a repository file into dist/ as `affected` transpiles a base's (base-transpiler). */
const transpile = baseTranspiler(ROOT);

function write(path: string, text: string): void {
  writeFileSync(join(ROOT, path), text);
  written.push(join(ROOT, path));
  if (!COMPILED) return;
  written.push(transpile(path));
}

const mainSource = readFileSync(join(ROOT, "main.ts"), "utf8");
const tableSource = (file: string) => readFileSync(join(ROOT, file), "utf8");
let examples: Written[] = [];
/** The recipes' TypeScript files, and TypeScript's problems with them (see the last test). */
let typeChecked: string[] = [];
let typeCheckDone: Promise<string[]> = Promise.resolve([]);

beforeAll(() => {
  removeAbandonedCopies();
  examples = recipes.map((recipe, i) => {
    const entries = recipe.blocks.flatMap((b) => Object.keys(TABLE_ENDS).filter((file) => b.header.startsWith(`${file}, in `)).map((file) => ({ file, code: b.code })));
    const files = new Set([...recipe.blocks.map(fileOf).filter((f): f is string => f !== undefined), ...entries.map((e) => e.file)]);
    const tables = new Map<string, string>();
    for (const { file, code } of entries) {
      const source = tableSource(file);
      const end = source.lastIndexOf(TABLE_ENDS[file]);
      write(tempOf(file, i), retarget(`${source.slice(0, end)}\n${code.trimEnd().replace(/^/gm, "  ")}${source.slice(end)}`, file, files, i));
      tables.set(file, tempOf(file, i));
    }
    for (const block of recipe.blocks) {
      const file = fileOf(block);
      if (file) write(tempOf(file, i), retarget(block.code, file, files, i));
    }
    const stackBlock = recipe.blocks.find((b) => fileOf(b)?.startsWith("stacks/"))!;
    const stackClass = /export class (\w+) extends HomelabStack/.exec(stackBlock.code)![1];
    const wiring = recipe.blocks.filter((b) => b.header.startsWith("main.ts")).map((b) => b.code.trim().replace(/^/gm, "  ")).join("\n");
    const main = `${TAG}-main-${i}.ts`;
    write(
      main,
      `import { ${stackClass} } from "./${tempOf(fileOf(stackBlock)!, i).replace(/\.ts$/, "")}";\n` + mainSource.replace(MAIN_MARKER, `${wiring}\n${MAIN_MARKER}`),
    );
    const [, stackId, cluster] = /super\(scope, "([a-z0-9-]+)", \{[^}]*cluster: "([a-z-]+)"/.exec(stackBlock.code)!;
    return {
      recipe,
      main,
      stack: tempOf(fileOf(stackBlock)!, i),
      stackId,
      cluster,
      tables,
    };
  });
  typeChecked = written.filter((f) => f.endsWith(".ts"));
  typeCheckDone = typeCheck({ roots: examples.flatMap((e) => [e.main, ...e.tables.values()]).map((f) => join(ROOT, f)), checked: typeChecked, root: ROOT });
});
afterAll(async () => {
  await typeCheckDone.catch(() => undefined); // it reads the files removed here
  written.forEach((f) => rmSync(f, { force: true }));
});

test("the README has the four recipes, and main.ts the line their wiring goes above", () => {
  expect(recipes.map((r) => r.title)).toEqual([
    "A stateless Kubernetes app",
    "A Kubernetes app with an encrypted claim and its backup",
    "A Nomad app: a GlusterFS volume, Litestream, its route and its Vault secrets",
  ]);
  expect(section).toContain("### What `critical` means");
  expect(mainSource).toContain(MAIN_MARKER);
  for (const [file, end] of Object.entries(TABLE_ENDS)) expect(tableSource(file)).toContain(end);
});

describe("each recipe inside the estate", () => {
  // The real estate, and the estate with one recipe added: what a pull request adding it compares.
  // Synthesized in beforeAll, not while the tests are collected: after the type-check has started.
  let base: ReturnType<typeof synthSide>;
  let baseSnapshots: Map<string, string>;
  const snapshots = (files: ReadonlyMap<string, StackFiles>) =>
    new Map([...files].map(([id, f]) => [id, renderStackSnapshot(JSON.parse(f.get("cdk.tf.json") ?? "{}"))]));
  beforeAll(() => {
    base = synthSide(defineEstate);
    baseSnapshots = snapshots(base.files);
  });
  const domain = testInventory.domains.public;

  /** Images the stack's Nomad jobs mount a writable CSI volume into whose data paths are not recorded: what the estate's HL-NOMAD-11 test refuses. */
  const uncatalogued = (files: StackFiles | undefined) => {
    const catalogued = new Set(Object.keys(IMAGE_DATA_PATHS).map((k) => (IMAGES as Record<string, Image>)[k].repository));
    const resources = Object.values(JSON.parse(files?.get("cdk.tf.json") ?? "{}").resource?.nomad_job ?? {}) as Record<string, unknown>[];
    return resources
      .map((attributes) => nomadJobOf({ type: "nomad_job", path: "", stackId: "", attributes })!)
      .flatMap((job) => job.TaskGroups.flatMap((g) => g.Tasks.filter((t) => writableCsiMounts(g, t).length).map((t) => parseImageRef(t.Config.image).repository)))
      .filter((image) => !catalogued.has(image));
  };
  /** Images the recipe's stack runs that neither catalogue pins: Renovate's image manager reads only the catalogues. */
  const unpinned = (example: Written, files: StackFiles | undefined) => {
    const catalogue = (file: string, name: string) =>
      Object.values((require(moduleOf(example.tables.get(file) ?? file)) as Record<string, Record<string, { repository: string; tag: string }>>)[name]);
    const pinned = new Set(
      [...catalogue("jobspecs/images.ts", "IMAGES"), ...catalogue("constructs/kubernetes-images.ts", "KUBERNETES_IMAGES")].map((i) => `${normalizeRepository(i.repository)}:${i.tag}`),
    );
    const runs = readEstatePins({ [example.stackId]: JSON.parse(files?.get("cdk.tf.json") ?? "{}") }).images.map((p) => p.ref);
    expect(runs.length).toBeGreaterThan(0);
    return runs.filter((ref) => !pinned.has(ref));
  };
  const withRecipe = (i: number) => {
    const example = examples[i];
    // An image a recipe adds to the Nomad catalogue is known to the rules while its estate is
    // synthesized (HL-NOMAD-8 reads its architectures); so is where it keeps its data (HL-NOMAD-11).
    const extend = (table: Record<string, unknown>, module: string | undefined, name: string) => {
      const more = module ? (require(moduleOf(module)) as Record<string, Record<string, unknown>>)[name] : {};
      const added = Object.keys(more).filter((k) => !(k in table));
      added.forEach((k) => (table[k] = more[k]));
      return () => added.forEach((k) => delete table[k]);
    };
    const restore = [
      extend(IMAGES as Record<string, unknown>, example.tables.get("jobspecs/images.ts"), "IMAGES"),
      extend(IMAGE_DATA_PATHS as Record<string, unknown>, example.tables.get("jobspecs/image-data-paths.ts"), "IMAGE_DATA_PATHS"),
    ];
    try {
      const side = synthSide((require(moduleOf(example.main)) as { defineEstate: (app: HomelabApp) => void }).defineEstate);
      const changed = [...snapshots(side.files)].filter(([id, text]) => baseSnapshots.get(id) !== text).map(([id]) => `${id}.json`).sort();
      const files = side.files.get(example.stackId);
      return { side, changed, summary: renderIntent(intentSummary(base, side), "intent"), uncatalogued: uncatalogued(files), unpinned: unpinned(example, files) };
    } finally {
      restore.forEach((undo) => undo());
    }
  };
  /** The snapshot files the recipe's "Adding it changes …" sentence names. */
  const named = (recipe: Recipe) => {
    const sentence = /Adding it changes [\s\S]*?(?:\n\n|$)/.exec(recipe.text)?.[0] ?? "";
    return [...sentence.matchAll(/`([a-z0-9-]+\.json)`/g)].map((m) => m[1]).sort();
  };

  test("the stateless app: one snapshot file; the summary names its route, auth and image", () => {
    const { side, changed, summary, unpinned } = withRecipe(0);
    expect(unpinned).toEqual([]);
    expect(side.report.findings.filter((f) => f.acknowledged === undefined)).toEqual([]);
    expect(changed).toEqual(named(examples[0].recipe));
    expect(changed).toEqual(["whoami.json"]);
    expect(summary).toContain("### whoami (new stack) · kubernetes, tier 1");
    expect(summary).toContain(`- new: \`whoami.${domain}\`: auth required, DNS non-proxied`);
    expect(summary).toContain("- new: `Deployment whoami, container whoami`: docker.io/traefik/whoami:v1.11.0");
  }, 120_000);

  test("the encrypted claim and its backup: one snapshot file; the summary names the claim, its backup and schedule, the route", () => {
    const { side, changed, summary, unpinned } = withRecipe(1);
    expect(unpinned).toEqual([]);
    expect(side.report.findings.filter((f) => f.acknowledged === undefined)).toEqual([]);
    expect(changed).toEqual(named(examples[1].recipe));
    expect(changed).toEqual(["linkding.json"]);
    expect(summary).toContain("- new: `linkding-data-encrypted`: 1Gi, class proxmox-lvm-encrypted");
    const { server, backupRoot } = testInventory.kubernetes.nfs;
    expect(summary).toContain(`- new: \`linkding-data-encrypted\`: SQLite snapshots (db.sqlite3, integrity-checked) and files, 45 3 * * *, 14 days, to NFS ${server}:${backupRoot}/linkding-backup`);
    expect(summary).toContain(`- new: \`linkding-linkding-backup\`: 50Gi, NFS ${server}:${backupRoot}/linkding-backup`);
    expect(summary).toContain("- new: `CronJob linkding/linkding-data-encrypted-backup`: 45 3 * * *");
    expect(summary).toContain(`- new: \`linkding.${domain}\`: auth required, DNS non-proxied`);
    expect(summary).toContain("- new: `Deployment linkding, container linkding`: docker.io/sissbruecker/linkding:1.44.2");
  }, 120_000);

  test("the Nomad app: one snapshot file, its own, which holds its Vault grant, intentions and backup listing; the summary names each addition", () => {
    const { side, changed, summary, uncatalogued, unpinned } = withRecipe(2);
    expect(unpinned).toEqual([]);
    // Its writable volume goes into an image whose data paths the recipe records.
    expect(uncatalogued).toEqual([]);
    expect(side.report.findings.filter((f) => f.acknowledged === undefined)).toEqual([]);
    expect(changed).toEqual(named(examples[2].recipe));
    expect(changed).toEqual(["gotify.json"]);
    const of = (stack: string) => summary.slice(summary.indexOf(`### ${stack}`)).split("\n### ")[0];
    expect(of("gotify")).toContain("- new: `glusterfs_gotify_data`: 1GiB–5GiB, CSI plugin glusterfs, criticality medium");
    expect(of("gotify")).toContain("- new: `glusterfs_gotify_data`: weekly (0 3 * * 0, 28 d)");
    expect(of("gotify")).toContain(`- new: \`gotify.${domain}\`: Nomad service gotify, auth app (Gotify has its own login`);
    expect(of("gotify")).toContain("- new: `Nomad job gotify, task gotify`: docker.io/gotify/server:2.7.3");
    expect(of("gotify")).toMatch(/- new: `Nomad job gotify, task gotify\/litestream[a-z-]*`: docker\.io\/litestream\/litestream:/);
    expect(of("gotify")).toContain("- new: `Nomad job gotify reads secret/data/gotify/admin`");
    expect(of("gotify")).toContain("- new: `Vault policy service-gotify: secret/data/gotify/admin`: read");
    expect(of("gotify")).toContain("- new: `Vault policy service-gotify: secret/data/gotify/litestream`: read");
    expect(of("gotify")).toMatch(/- new: `Vault role nomad-gotify`: policies service-gotify; for nomad_job_id=gotify/);
    expect(of("gotify")).toMatch(/- new: `traefik → gotify`: allow \(Traefik routes gotify\.example\.org to it\)/);
    expect(of("gotify")).toContain("- new: `backup-weekly saves glusterfs_gotify_data`");
  }, 120_000);
});

test("a Kubernetes recipe's stack synthesizes alone too, with its backend, passing every house rule", () => {
  // A Nomad recipe needs the estate: main.ts's last lines make its Vault grant and intentions.
  const alone = examples.filter((e) => e.cluster === "kubernetes");
  expect(alone.map((e) => e.stackId)).toEqual(["whoami", "linkding"]);
  for (const example of alone) {
    const Stack = Object.values(require(moduleOf(example.stack)) as Record<string, new (scope: unknown) => HomelabStack>)[0];
    const { stacks, report } = synthApp((app) => new Stack(app));
    expect(Object.keys(stacks)).toEqual([example.stackId]);
    expect(stacks[example.stackId].terraform.backend).toEqual({ pg: { schema_name: example.stackId } });
    expect(report.findings.filter((f) => f.acknowledged === undefined)).toEqual([]);
  }
});

test("every block type-checks under the project's compiler options, wired into main.ts as the README says", async () => {
  // The recipes' files, checked against the whole program; the project's own files are what
  // `tsc -b` (run before the tests) has checked already. Started in beforeAll: the check ran
  // beside the synths above.
  expect(typeChecked.length).toBeGreaterThanOrEqual(examples.length * 2);
  expect(await typeCheckDone).toEqual([]);
}, 120_000);
