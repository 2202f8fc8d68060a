import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { DataTerraformRemoteStateLocal, TerraformDataSource, TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { HomelabApp } from "../../constructs";
import { SynthResource } from "../../policy/rule";
import { acknowledge } from "../../policy/acknowledge";
import { RuleCollector } from "../../policy/rule-aspect";
import { testInventory, testStack } from "../helpers/synth";

/** A terraform_data resource, the one resource type Terraform has without a provider. */
class Data extends TerraformResource {
  constructor(scope: Construct, id: string, input: unknown) {
    super(scope, id, { terraformResourceType: "terraform_data" });
    this.input = input;
  }
  input: unknown;
  get id(): string {
    return this.getStringAttribute("id");
  }
  protected synthesizeAttributes(): Record<string, unknown> {
    return { input: this.input };
  }
}

/** A data source (Terraform's own remote state reader, as a plain data block). */
class Lookup extends TerraformDataSource {
  constructor(scope: Construct, id: string) {
    super(scope, id, { terraformResourceType: "terraform_remote_state" });
  }
  protected synthesizeAttributes(): Record<string, unknown> {
    return { backend: "local" };
  }
}

/** A resource that writes two blocks under names of its own (not its logical id). */
class Pair extends Data {
  toTerraform(): any {
    const own = super.toTerraform() as { resource: { terraform_data: Record<string, Record<string, unknown>> } };
    const [attributes] = Object.values(own.resource.terraform_data);
    return { resource: { terraform_data: { pair_a: attributes, pair_b: { ...attributes, input: "b" } } } };
  }
}

/** What the rules are given for the app `define` builds. */
function collected(define: (app: HomelabApp) => void): SynthResource[] {
  const outdir = mkdtempSync(join(tmpdir(), "homelab-collector-"));
  try {
    const app = new HomelabApp({ outdir, inventory: testInventory, rules: [] });
    define(app);
    app.check();
    return app.synthesized.flatMap((s) => s.resources);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

test("the rules see each resource as synthesized: references resolved, overrides applied, in tree order, metadata apart", () => {
  const resources = collected((app) => {
    const stack = testStack(app);
    const first = new Data(stack, "First", "one");
    const second = new Data(stack, "Second", first.id);
    second.addOverride("input", `\${${first.terraformResourceType}.${first.friendlyUniqueId}.id}-overridden`);
    new Lookup(stack, "Remote");
    // cdktf's own remote state is neither a resource nor a data source construct: not collected.
    new DataTerraformRemoteStateLocal(stack, "Cdktf", { path: "x" });
    second.addOverride("//.backup", "weekly");
  });
  expect(resources.map((r) => [r.type, r.path, r.logicalId])).toEqual([
    ["terraform_data", "test/First", "First"],
    ["terraform_data", "test/Second", "Second"],
    ["data.terraform_remote_state", "test/Remote", "Remote"],
  ]);
  expect(resources[0].attributes).toEqual({ input: "one" });
  expect(resources[1].attributes).toEqual({ input: "${terraform_data.First.id}-overridden" });
  expect(resources[1].comment).toEqual({ backup: "weekly" });
  expect(resources[0].comment).toBeUndefined();
  expect(resources.every((r) => r.stackId === "test")).toBe(true);
});

test("an element that writes blocks under names of its own is resolved as cdktf resolves it: each block is a resource", () => {
  const resources = collected((app) => {
    const stack = testStack(app);
    const anchor = new Data(stack, "Anchor", "a");
    new Pair(stack, "Pair", anchor.id);
  });
  expect(resources.map((r) => [r.path, r.logicalId, r.attributes.input])).toEqual([
    ["test/Anchor", "Anchor", "a"],
    ["test/Pair", "pair_a", "${terraform_data.Anchor.id}"],
    ["test/Pair", "pair_b", "b"],
  ]);
  expect(resources[1].attributes["//"]).toBeUndefined();
});

describe("the collector alone", () => {
  /** A stack with a resource and a data source, visited by a collector as the aspect visits it. */
  const visited = () => {
    const app = new HomelabApp({ outdir: join(tmpdir(), "homelab-unused"), inventory: testInventory, rules: [] });
    const stack = testStack(app);
    acknowledge(new Data(stack, "First", "one"), "HL-TEST-1", "kept as it is on purpose");
    new Lookup(stack, "Remote");
    const collector = new RuleCollector(stack);
    stack.node.findAll().forEach((node) => collector.visit(node));
    return collector;
  };

  test("each element's attributes are the synthesized JSON's, under its type and logical id, the comment apart from cdktf's metadata", () => {
    const resources = visited().resourcesIn({
      resource: { terraform_data: { First: { input: "as written", "//": { metadata: { path: "test/First" }, backup: "weekly" } } } },
      data: { terraform_remote_state: { Remote: { backend: "pg" } } },
    });
    expect(resources).toEqual([
      { type: "terraform_data", path: "test/First", logicalId: "First", stackId: "test", attributes: { input: "as written" }, comment: { backup: "weekly" } },
      { type: "data.terraform_remote_state", path: "test/Remote", logicalId: "Remote", stackId: "test", attributes: { backend: "pg" }, comment: undefined },
    ]);
  });

  test("the acknowledgements in the tree, placed in their stack", () => {
    expect(visited().acknowledgements).toEqual([{ ruleId: "HL-TEST-1", reason: "kept as it is on purpose", stackId: "test", path: "test/First" }]);
  });

  test("an element the JSON does not hold under its type and id is resolved from the tree instead", () => {
    const resources = visited().resourcesIn({ resource: { terraform_data: { Other: { input: "not First's" } } }, data: {} });
    expect(resources.map((r) => [r.type, r.logicalId, r.attributes])).toEqual([
      ["terraform_data", "First", { input: "one" }],
      ["data.terraform_remote_state", "Remote", { backend: "local" }],
    ]);
  });
});
