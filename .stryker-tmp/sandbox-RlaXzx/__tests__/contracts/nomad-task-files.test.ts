// @ts-nocheck
import { neutralizeTemplate, optionValue, RUNTIME_VALUE, taskRelativePath } from "../../contracts/nomad-task-files";

describe("files a task reads, as its templates render them", () => {
  test("one file, however the task names it: DestPath, container path, NOMAD_* variables", () => {
    expect(["local/app.yml", "/local/app.yml", "${NOMAD_TASK_DIR}/app.yml", "./local//app.yml"].map(taskRelativePath)).toEqual(Array(4).fill("local/app.yml"));
    expect(taskRelativePath("${NOMAD_SECRETS_DIR}/env")).toBe("secrets/env");
    expect(taskRelativePath("../alloc/data/x")).toBe("alloc/data/x");
  });

  test("reads an option's value from args in both spellings", () => {
    expect(optionValue(["replicate", "-config", "/local/a.yml"], ["-config"])).toBe("/local/a.yml");
    expect(optionValue(["--driver-config-file=/local/b.yaml"], ["--driver-config-file"])).toBe("/local/b.yaml");
    expect(optionValue(["restore", "/alloc/data/x.db"], ["-config"])).toBeUndefined();
  });

  test("drops lines holding only control actions and stands values in for the other actions", () => {
    const text = ['{{- with nomadVar "a" -}}', "key: {{ .value }}", "{{ end }}", "{{/* a comment */}}", "url: http://{{ env \"NOMAD_IP_http\" }}:80", "plain: 1"].join("\n");
    expect(neutralizeTemplate(text)).toBe([`key: ${RUNTIME_VALUE}`, `url: http://${RUNTIME_VALUE}:80`, "plain: 1"].join("\n"));
  });

  test("honours a template's own delimiters", () => {
    expect(neutralizeTemplate("[[ range service \"db\" ]]\nhost: [[ .Address ]]\n[[ end ]]", "[[", "]]")).toBe(`host: ${RUNTIME_VALUE}`);
  });
});
