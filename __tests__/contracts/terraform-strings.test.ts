import { SynthesizedStack } from "../../contracts/contract";
import { checkTemplateStrings, templateStrings } from "../../contracts/terraform-strings";
import { AppDeployment } from "../../constructs/app-deployment";
import { Namespace } from "../../constructs/namespace";
import { synthWith } from "../helpers/synth";

/** A stack of terraform_data resources whose inputs are the given strings, plus one real resource to refer to. */
function stackOf(inputs: Record<string, unknown>, extra: Record<string, unknown> = {}): SynthesizedStack {
  const data = Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, { input }]));
  return {
    id: "s",
    json: {
      resource: { kubernetes_namespace_v1: { Ns: { metadata: { name: "x" } } }, terraform_data: data },
      data: { terraform_remote_state: { other: { backend: "pg" } } },
      ...extra,
    },
  };
}

const findings = (inputs: Record<string, unknown>, extra?: Record<string, unknown>) => checkTemplateStrings([stackOf(inputs, extra)]);

test("a shell variable left unescaped fails, naming the stack, the resource address, the attribute path and the text", () => {
  const [f, ...rest] = findings({ Run: { command: ["/bin/sh", "-c", 'echo "${HOSTNAME##*-}"'] } });
  expect(rest).toEqual([]);
  expect(f.where).toBe("s/terraform_data.Run.input.command[2]");
  // Terraform's own words: which of its parse errors depends on what follows the sequence.
  expect(f.problem).toMatch(/^(Extra characters after interpolation expression|Unclosed template interpolation sequence) at \$\{HOSTNAME##\*-\}: /);
  expect(f.problem).toMatch(/written \$\$\{ or %%\{/);
  expect(f.upstream).toMatch(/^terraform@1\.\d+\.\d+ template parser/);
});

test("a bare ${NAME} is a reference Terraform cannot resolve", () => {
  const [f] = findings({ Env: { value: "${HOSTNAME}" } });
  expect(f.where).toBe("s/terraform_data.Env.input.value");
  expect(f.problem).toMatch(/^Invalid reference at \$\{HOSTNAME\}/);
});

test("the quieter twin: a ${a.b} whose root the stack does not declare (Nomad's attr.cpu.arch) fails", () => {
  const [f] = findings({ Constraint: "${attr.cpu.arch}" });
  expect(f.problem).toMatch(/^Reference to undeclared resource at \$\{attr\.cpu\.arch\}: A managed resource "attr" "cpu" has not been declared/);
});

test("a template directive meant for another engine fails", () => {
  const [f] = findings({ Tpl: "%{ range .Services }x%{ end }" });
  expect(f.problem).toMatch(/^Invalid template control keyword at %\{ range \.Services \}/);
});

test("an unknown function fails", () => {
  expect(findings({ F: "${frobnicate(1)}" })[0].problem).toMatch(/^Call to unknown function/);
});

test("object keys are templates too", () => {
  const [f] = findings({ Labels: { "${HOST}": "x" } });
  expect(f.where).toBe('s/terraform_data.Labels.input["${HOST}"]["(key)"]');
});

test("references to what the stack declares, escapes, functions and built-ins pass", () => {
  expect(
    findings({
      Ref: "${kubernetes_namespace_v1.Ns.metadata[0].name}",
      Data: "x-${data.terraform_remote_state.other.outputs.y}",
      Escaped: "$${HOSTNAME##*-} %%{ if } $${attr.cpu.arch}",
      Fn: '${jsonencode({a = 1})}',
      Builtin: "${terraform.workspace}/${path.module}",
      Var: "${var.v} ${local.l}",
    }, { variable: { v: {} }, locals: { l: "1" } }),
  ).toEqual([]);
});

test("a condition is parsed as a condition: terraform.applying (ephemeral) passes there, and fails where Terraform keeps the value", () => {
  const stack = stackOf({ Kept: "${terraform.applying}" });
  (stack.json.resource as any).terraform_data.Guard = {
    lifecycle: {
      precondition: [{ condition: "${terraform.applying || fileexists(\"x\")}", error_message: "m" }],
      postcondition: [{ condition: "${self.id != \"\"}", error_message: "m" }],
    },
  };
  const [f, ...rest] = checkTemplateStrings([stack]);
  expect(rest).toEqual([]);
  expect(f.where).toBe("s/terraform_data.Kept.input");
  expect(f.problem).toMatch(/^Invalid use of ephemeral value/);
});

test("meta-arguments that are not templates are not parsed as such", () => {
  const stack = stackOf({}, {});
  (stack.json.resource as any).terraform_data.X = { input: "a", depends_on: ["kubernetes_namespace_v1.Ns"], lifecycle: { ignore_changes: ["input"] } };
  expect(templateStrings(stack).map((s) => s.text)).toEqual(["x", "a", "pg"]);
});

test("a container's command goes through the construct's escape: the shell sees ${…}, Terraform's parser sees nothing to do", () => {
  const json = synthWith((scope) => {
    const namespace = new Namespace(scope, "Ns", { name: "demo" });
    new AppDeployment(scope, "App", {
      namespace,
      name: "demo",
      containers: [
        {
          name: "demo",
          image: "docker.io/library/busybox:1.37.0",
          command: ["/bin/sh", "-c", 'echo "${HOSTNAME##*-} %{x}"'],
          env: { GREETING: "${USER}" },
          cpuMillis: 10,
          memoryMiB: 16,
        },
      ],
      metrics: { none: "a test fixture without metrics" },
      uptime: { none: "a test fixture without a Service" },
    });
  });
  const container = Object.values<any>(json.resource.kubernetes_deployment_v1)[0].spec.template.spec.container[0];
  expect(container.command[2]).toBe('echo "$${HOSTNAME##*-} %%{x}"');
  expect(container.env).toEqual([{ name: "GREETING", value: "$${USER}" }]);
  expect(checkTemplateStrings([{ id: "test", json }])).toEqual([]);
});
