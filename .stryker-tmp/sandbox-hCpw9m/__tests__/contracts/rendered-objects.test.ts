// @ts-nocheck
import { holds, RenderContext } from "../../contracts/helm/evaluate";
import { analyseTemplates } from "../../contracts/helm/rendered-objects";

const context = (values: Record<string, unknown>, apis: string[] = []): RenderContext => ({
  values,
  release: { Name: "r", Namespace: "ns" },
  chart: { Name: "c", Version: "1.0.0" },
  kubeVersion: "v1.33.0",
  hasApi: (a) => apis.includes(a),
});

describe("what a chart's templates render, read without helm", () => {
  const templates = analyseTemplates([
    {
      path: "templates/monitor.yaml",
      text: [
        '{{- if and .Values.monitor.enabled (.Capabilities.APIVersions.Has "monitoring.coreos.com/v1") }}',
        "apiVersion: monitoring.coreos.com/v1",
        "kind: ServiceMonitor",
        "{{- end }}",
      ].join("\n"),
    },
    {
      path: "templates/cert.yaml",
      text: ['{{- with .Values.webhook }}', '{{- if not .caBundle }}', "---", "apiVersion: cert-manager.io/v1", "kind: Certificate", "{{- end }}", "{{- end }}"].join("\n"),
    },
    { path: "templates/_helpers.tpl", text: '{{- define "x.labels" -}}\nkind: NotAnObject\n{{- end }}' },
  ]);
  const kinds = templates.objects.map((o) => o.kind);

  test("finds each object's kind and apiVersion, never a helper's text", () => {
    expect(kinds).toEqual(["ServiceMonitor", "Certificate"]);
    expect(templates.objects[1].apiVersions.map((a) => a.value)).toEqual(["cert-manager.io/v1"]);
  });

  test("keeps the guards, resolving `with` to absolute values paths", () => {
    const cert = templates.objects[1];
    expect(holds(cert.when, context({ webhook: { caBundle: "" } })).result).toBe(true);
    expect(holds(cert.when, context({ webhook: { caBundle: "Zm9v" } })).result).toBe(false);
    expect(holds(cert.when, context({})).result).toBe(false);
  });

  test("Capabilities.APIVersions.Has asks what the cluster serves", () => {
    const monitor = templates.objects[0];
    expect(holds(monitor.when, context({ monitor: { enabled: true } })).result).toBe(false);
    expect(holds(monitor.when, context({ monitor: { enabled: true } }, ["monitoring.coreos.com/v1"])).result).toBe(true);
  });
});

test("a template comment is skipped whole, apostrophes and braces included", () => {
  const templates = analyseTemplates([
    {
      path: "templates/a.yaml",
      text: ["{{/*", "Recreate doesn't have these fields: {{ .Values.x }}", "*/}}", "{{- if .Values.a }}", "apiVersion: v1", "kind: ConfigMap", "{{- end }}"].join("\n"),
    },
  ]);
  expect(templates.objects.map((o) => [o.kind, o.when.map((w) => w.text)])).toEqual([["ConfigMap", ["if .Values.a"]]]);
});
