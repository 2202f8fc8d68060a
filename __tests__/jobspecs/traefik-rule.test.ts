import { hostPathRule, matcherArgs, parseRule, ruleMatches } from "../../jobspecs/traefik-rule";

describe("Traefik router rules", () => {
  test("are written in Traefik v3's syntax: hosts as alternatives, path prefixes joined with &&", () => {
    expect(hostPathRule(["matrix.example.org"])).toBe("Host(`matrix.example.org`)");
    expect(hostPathRule(["a.example.org", "b.example.org"])).toBe("Host(`a.example.org`) || Host(`b.example.org`)");
    expect(hostPathRule(["example.org"], ["/.well-known/matrix/"])).toBe("Host(`example.org`) && PathPrefix(`/.well-known/matrix/`)");
    expect(hostPathRule(["a.example.org", "b.example.org"], ["/x", "/y"])).toBe("(Host(`a.example.org`) || Host(`b.example.org`)) && (PathPrefix(`/x`) || PathPrefix(`/y`))");
  });

  test("read back: matchers, their arguments, && binding tighter than ||, negation, double quotes", () => {
    const rule = parseRule('Host(`a.example.org`) || Host("b.example.org") && !PathPrefix(`/admin`)');
    expect(matcherArgs(rule, "host")).toEqual(["a.example.org", "b.example.org"]);
    expect(ruleMatches(rule, { host: "a.example.org", path: "/admin" })).toBe(true);
    expect(ruleMatches(rule, { host: "b.example.org", path: "/admin/users" })).toBe(false);
    expect(ruleMatches(rule, { host: "b.example.org", path: "/" })).toBe(true);
  });

  test("match as Traefik does: hosts case-insensitively and without a trailing dot, PathPrefix as a plain string prefix", () => {
    const rule = parseRule(hostPathRule(["example.org"], ["/.well-known/matrix/"]));
    expect(ruleMatches(rule, { host: "Example.ORG.", path: "/.well-known/matrix/server" })).toBe(true);
    expect(ruleMatches(rule, { host: "example.org", path: "/.well-known/matrix" })).toBe(false);
    expect(ruleMatches(rule, { host: "matrix.example.org", path: "/.well-known/matrix/server" })).toBe(false);
    expect(ruleMatches(parseRule("PathPrefix(`/api`)"), { host: "x", path: "/apiv2" })).toBe(true);
  });

  test("fails on text that is not a rule, naming the position", () => {
    expect(() => parseRule("Host(`a.example.org`")).toThrow(/expected "," or "\)" at character 21/);
    expect(() => parseRule("Host(a.example.org)")).toThrow(/expected a quoted argument at character 6/);
    expect(() => parseRule("Host(`a`) Host(`b`)")).toThrow(/expected &&, \|\| or the end at character 11/);
    expect(() => hostPathRule(["a`b"])).toThrow(/cannot contain a backtick/);
  });

  test("refuse to guess at matchers that need more than a host and a path", () => {
    expect(() => ruleMatches(parseRule("Header(`X-A`, `b`)"), { host: "x", path: "/" })).toThrow(/Header needs more of a request/);
  });
});
