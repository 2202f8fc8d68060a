// @ts-nocheck
import { DataResource } from "cdktf";
import { Construct } from "constructs";
import { adopt } from "../../constructs/adopt";
import { NomadNamespace } from "../../constructs/nomad-namespace";
import { synthWith } from "../helpers/synth";

describe("adopting a resource that already runs", () => {
  test("the existing bitcoin Nomad namespace gets an import block by its name, through our provider", () => {
    const json = synthWith(
      (stack) => {
        const namespace = new NomadNamespace(stack, "Namespace", { name: "bitcoin", description: "Bitcoin Core, Electrs, Alby Hub" });
        adopt(namespace, { importId: "bitcoin" });
      },
      { cluster: "nomad-bitcoin" },
    );
    const [address] = Object.keys(json.resource.nomad_namespace);
    expect(json.import).toEqual([{ to: `nomad_namespace.${address}`, id: "bitcoin", provider: "nomad" }]);
    // The resource itself is unchanged: adoption adds a block, it does not alter the resource.
    expect(json.resource.nomad_namespace[address].name).toBe("bitcoin");
  });

  test("a resource passed directly is adopted too, and returned", () => {
    let resource: DataResource | undefined;
    const json = synthWith((stack) => {
      resource = new DataResource(stack, "Existing", { input: { a: "b" } });
      expect(adopt(resource, { importId: "0b1d" })).toBe(resource);
    });
    expect(json.import).toEqual([{ to: "terraform_data.Existing", id: "0b1d" }]);
  });

  test("fails if the construct holds no resource or several, naming them", () => {
    expect(() => synthWith((stack) => adopt(new Construct(stack, "Empty"), { importId: "x" }))).toThrow(
      /test\/Empty: cannot adopt: holds no Terraform resource to adopt/,
    );
    expect(() =>
      synthWith((stack) => {
        new DataResource(stack, "A", {});
        new DataResource(stack, "B", {});
        adopt(stack, { importId: "x" });
      }),
    ).toThrow(/test: cannot adopt: holds 2 Terraform resources \(test\/A, test\/B\); pass the one to adopt/);
  });

  test("fails if the import id is empty", () => {
    expect(() => synthWith((stack) => adopt(new DataResource(stack, "A", {}), { importId: " " }))).toThrow(/test\/A: cannot adopt: importId is empty/);
  });

  test("fails if the same resource is adopted twice", () => {
    expect(() =>
      synthWith((stack) => {
        const a = new DataResource(stack, "A", {});
        adopt(a, { importId: "1" });
        adopt(a, { importId: "2" });
      }),
    ).toThrow(/test\/A: already marked for adoption/);
  });
});
