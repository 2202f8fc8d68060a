// @ts-nocheck
import { StructuralSchema } from "../../contracts/kubernetes/crd";
import { COMPUTED, validateStructural } from "../../contracts/kubernetes/structural-schema";

const problems = (value: unknown, schema: StructuralSchema) => validateStructural(value, schema).map((p) => `${p.path.join(".")}: ${p.problem}`);

describe("structural schema validation, as the API server treats a CRD schema", () => {
  test("x-kubernetes-int-or-string takes integers and strings only", () => {
    const schema = { type: "object", properties: { port: { "x-kubernetes-int-or-string": true } } };
    expect(problems({ port: 80 }, schema)).toEqual([]);
    expect(problems({ port: "http" }, schema)).toEqual([]);
    expect(problems({ port: 1.5 }, schema)).toEqual(["port: is 1.5 (number): must be an integer or a string"]);
  });

  test("null is dropped unless the field is nullable", () => {
    const schema = { type: "object", properties: { a: { type: "string" }, b: { type: "string", nullable: true } } };
    expect(problems({ a: null, b: null }, schema)).toEqual(["a: is null, which the API server drops (the schema is not nullable)"]);
  });

  test("unknown fields are errors except under x-kubernetes-preserve-unknown-fields or a map schema", () => {
    const schema = {
      type: "object",
      properties: {
        free: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
        labels: { type: "object", additionalProperties: { type: "string" } },
        fixed: { type: "object", properties: { x: { type: "string" } } },
      },
    };
    expect(problems({ free: { anything: 1 }, labels: { a: "b" }, fixed: { y: "z" } }, schema)).toEqual([
      'fixed.y: unknown field "y": the API server drops it silently; allowed: x',
    ]);
    expect(problems({ labels: { a: 1 } }, schema)).toEqual(["labels.a: is 1 (integer): must be string"]);
  });

  test("an embedded resource may carry apiVersion, kind and metadata", () => {
    const schema = { type: "object", "x-kubernetes-embedded-resource": true, properties: { spec: { type: "object", "x-kubernetes-preserve-unknown-fields": true } } };
    expect(problems({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: {} }, schema)).toEqual([]);
  });

  test("oneOf and anyOf constrain values without declaring fields", () => {
    const schema = { type: "object", properties: { a: { type: "string" }, b: { type: "string" } }, oneOf: [{ required: ["a"] }, { required: ["b"] }] };
    expect(problems({ a: "x" }, schema)).toEqual([]);
    expect(problems({ a: "x", b: "y" }, schema)).toEqual([": matches 2 of the schema's oneOf alternatives, must match exactly one (required: a; required: b)"]);
  });

  test("a value Terraform computes is not judged", () => {
    expect(problems({ a: COMPUTED }, { type: "object", properties: { a: { type: "integer" } } })).toEqual([]);
  });
});
