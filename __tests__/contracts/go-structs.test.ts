import { checkAgainstSchema, GoStructSchema } from "../../contracts/go-struct-schema";
import { readGoPackage, structTag } from "../../scripts/contracts/go-structs";
import { buildWireSchema } from "../../scripts/contracts/go-wire-schema";

// Go written for these tests: the shapes upstream config structs use.
const API = `package api

import (
	"time"
)

type Labels []string

type Base struct {
	ID      *string
	Comment string \`json:"Note,omitempty"\`
}

type Shadow struct {
	ID int
}

// Server is what the tests decode.
type Server struct {
	Base
	*Shadow
	Name, Alias string
	Port        *int              \`hcl:"port,optional"\`
	Timeout     *time.Duration
	Payload     []byte
	Tags        Labels
	Meta        map[string]string
	Config      map[string]interface{}
	Secret      string \`json:"-"\`
	internal    int
	Limits      struct {
		MaxConns uint32
	}
	Mode Mode

	// Deprecated: use Port.
	OldPort int
	Size    Size
	Callback func(x int) error \`json:"-"\`
}

type Mode string

type Size int64

func (s *Size) UnmarshalJSON(b []byte) error { return nil }

func helper() {
	type Hidden struct{ X int }
}
`;

const CONFIG = `package main

import "time"

type Shared struct {
	Region   string \`yaml:"region"\`
	Interval *time.Duration \`yaml:"interval"\`
}

type Config struct {
	Shared \`yaml:",inline"\`
	Path   string \`yaml:"path"\`
	Retry  int
	Skip   string \`yaml:"-"\`
}
`;

describe("the Go struct reader", () => {
  const api = readGoPackage({ "api/server.go": API });

  test("reads struct fields with their types, tags and comments, and skips types inside functions", () => {
    const server = api.types.get("Server")!.type;
    if (server.kind !== "struct") throw new Error(`Server was read as a ${server.kind}`);
    const fields = server.fields;
    expect(fields.map((f) => f.name)).toEqual(["Base", "Shadow", "Name", "Alias", "Port", "Timeout", "Payload", "Tags", "Meta", "Config", "Secret", "internal", "Limits", "Mode", "OldPort", "Size", "Callback"]);
    expect(fields.find((f) => f.name === "OldPort")!.comment).toBe("Deprecated: use Port.");
    expect(api.types.has("Hidden")).toBe(false);
    expect(api.methods.get("Size")).toEqual(new Set(["UnmarshalJSON"]));
  });

  test("reads struct tags the way reflect.StructTag.Get does", () => {
    expect(structTag('mapstructure:"port" json:"Port,omitempty" hcl:"port,optional"', "json")).toBe("Port,omitempty");
    expect(structTag('hcl:"port,optional"', "json")).toBeUndefined();
  });

  test("refuses generic type declarations with a message naming file and line", () => {
    expect(() => readGoPackage({ "x.go": "package x\n\ntype Box[T any] struct {\n\tV T\n}\n" })).toThrow(/^x\.go:3: type Box: generic types are not supported/);
  });

  test("reads `type X []T` as a slice type, not as generic parameters", () => {
    expect(readGoPackage({ "x.go": "package x\n\ntype List []*Item\ntype Item struct{}\n" }).types.get("List")!.type).toEqual({ kind: "slice", elem: { kind: "pointer", elem: { kind: "name", name: "Item" } } });
  });
});

describe("the wire schema of encoding/json", () => {
  test("refuses a type declared in two files (per-OS files): which one applies is not known", () => {
    const packages = {
      api: readGoPackage({
        "api/root.go": "package api\n\ntype Root struct {\n\tOpt Opt\n}\n",
        "api/opt_linux.go": "package api\n\ntype Opt struct{ A int }\n",
        "api/opt_windows.go": "package api\n\ntype Opt struct{ B int }\n",
      }),
    };
    expect(() => buildWireSchema({ codec: "encoding/json", packages, rootPackage: "api", root: "Root" })).toThrow(/Root\.Opt: type Opt is declared in more than one file of package api/);
  });

  test("with unreadPackagesAsScalars, a type of a package not read is a scalar read by its own methods; a package never qualifies its own names", () => {
    // Inside package types, types.Duration is another package's (imported under the same name).
    const types = readGoPackage({ "pkg/types/t.go": 'package types\n\nimport (\n\t"github.com/x/paerser/types"\n\t"github.com/x/acme"\n)\n\ntype Duration struct{ A int }\n\ntype Root struct {\n\tWait types.Duration\n\tACME *acme.Config\n}\n' });
    expect(() => buildWireSchema({ codec: "encoding/json", packages: { types }, rootPackage: "types", root: "Root" })).toThrow(/Root\.ACME: type acme\.Config is not declared in the packages read/);
    const fields = buildWireSchema({ codec: "encoding/json", packages: { types }, rootPackage: "types", root: "Root", unreadPackagesAsScalars: true }).structs.Root.fields;
    expect(fields.Wait.type).toEqual({ kind: "custom", method: "types.Duration (package not read)" });
    expect(fields.ACME.type).toEqual({ kind: "custom", method: "acme.Config (package not read)" });
  });

  const schema = buildWireSchema({ codec: "encoding/json", packages: { api: readGoPackage({ "api/server.go": API }) }, rootPackage: "api", root: "Server" });
  const fields = schema.structs.Server.fields;

  test('names fields by json tag or Go name, skipping json:"-" and unexported fields', () => {
    expect(Object.keys(fields).sort()).toEqual(["Alias", "Config", "Limits", "Meta", "Mode", "Name", "Note", "OldPort", "Payload", "Port", "Size", "Tags", "Timeout"]);
  });

  test("promotes embedded structs' fields, dropping a name two embedded structs clash on at the same depth", () => {
    // Base.ID and Shadow.ID are both at depth 1 and neither is tagged: Go drops both.
    expect(fields.ID).toBeUndefined();
    expect(fields.Note).toMatchObject({ type: { kind: "string" }, goName: "Comment" });
  });

  test("reduces types to what JSON carries", () => {
    expect(fields.Port.type).toEqual({ kind: "int", bits: 64, unsigned: false });
    expect(fields.Timeout.type).toEqual({ kind: "duration" });
    expect(fields.Payload.type).toEqual({ kind: "bytes" });
    expect(fields.Tags.type).toEqual({ kind: "list", elem: { kind: "string" } });
    expect(fields.Config.type).toEqual({ kind: "map", elem: { kind: "any" } });
    expect(fields.Mode.type).toEqual({ kind: "string" });
    expect(fields.Size.type).toEqual({ kind: "custom", method: "Size.UnmarshalJSON" });
    expect(fields.Limits.type).toEqual({ kind: "struct", name: "Server.Limits" });
    expect(schema.structs["Server.Limits"].fields.MaxConns.type).toEqual({ kind: "int", bits: 32, unsigned: true });
    expect(fields.OldPort.deprecated).toBe("Deprecated: use Port.");
  });

  test("checks a value: exact names, types, a negative where unsigned is wanted", () => {
    const problems = checkAgainstSchema({ name: "a", Port: 1.5, Limits: { MaxConns: -1 }, Timeout: 10 }, schema, { project: "Test" });
    expect(problems.map((p) => [p.path.join("."), p.problem])).toEqual([
      ["name", expect.stringMatching(/field "name" is spelled "Name" in Test's Server/)],
      ["Port", expect.stringMatching(/1\.5 does not fit Server\.Port, which is \*int in Test: expected an integer/)],
      ["Limits.MaxConns", expect.stringMatching(/-1 does not fit Server\.Limits\.MaxConns, which is uint32 in Test: expected a non-negative integer/)],
    ]);
  });
});

describe("the wire schema of yaml.v2", () => {
  const schema: GoStructSchema = buildWireSchema({ codec: "gopkg.in/yaml.v2", packages: { main: readGoPackage({ "cmd/config.go": CONFIG }) }, rootPackage: "main", root: "Config" });

  test("inlines ,inline structs and lowercases untagged names", () => {
    expect(Object.keys(schema.structs.Config.fields).sort()).toEqual(["interval", "path", "region", "retry"]);
  });

  test("matches keys exactly and takes durations as Go duration strings or integers", () => {
    const problems = checkAgainstSchema({ Path: "/x", interval: "ten seconds", retry: 2 }, schema, { project: "Test" });
    expect(problems.map((p) => p.problem)).toEqual([
      expect.stringMatching(/field "Path" is spelled "path" in Test's Config \(the YAML decoder matches keys exactly and would ignore it\)/),
      expect.stringMatching(/"ten seconds" does not fit Config\.interval, which is \*time\.Duration in Test: expected a duration such as "30s"/),
    ]);
    expect(checkAgainstSchema({ interval: "1m30s" }, schema, { project: "Test" })).toEqual([]);
  });
});
