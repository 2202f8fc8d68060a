/**
 * Traefik v3 router rules: written from hosts and path prefixes, read back into a tree
 * (matchers joined by &&, ||, !, parentheses; arguments in backticks or double quotes),
 * and matched against a request's host and path as Traefik's Host, Path and PathPrefix
 * matchers do. The catalog, the route rule and the tests read routes through this.
 */

export type RuleExpr =
  | { readonly kind: "matcher"; readonly name: string; readonly args: readonly string[] }
  | { readonly kind: "and" | "or"; readonly left: RuleExpr; readonly right: RuleExpr }
  | { readonly kind: "not"; readonly expr: RuleExpr };

const quote = (value: string) => `\`${value}\``;
const anyOf = (name: string, values: readonly string[]) => {
  const alternatives = values.map((v) => `${name}(${quote(v)})`).join(" || ");
  return values.length > 1 ? `(${alternatives})` : alternatives;
};

/** `Host(a) || Host(b)`, and `&& (PathPrefix(p) || …)` when paths are given. */
export function hostPathRule(hosts: readonly string[], paths: readonly string[] = []): string {
  if (hosts.some((h) => h.includes("`")) || paths.some((p) => p.includes("`"))) throw new Error("a host or path of a Traefik rule cannot contain a backtick");
  const host = hosts.length > 1 && paths.length === 0 ? anyOf("Host", hosts).slice(1, -1) : anyOf("Host", hosts);
  return paths.length ? `${host} && ${anyOf("PathPrefix", paths)}` : host;
}

/** Parses a rule; throws naming the position and what was expected. */
export function parseRule(text: string): RuleExpr {
  let pos = 0;
  const fail = (expected: string): never => {
    throw new Error(`rule ${JSON.stringify(text)}: expected ${expected} at character ${pos + 1}`);
  };
  const skip = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  const take = (token: string) => {
    skip();
    if (text.startsWith(token, pos)) {
      pos += token.length;
      return true;
    }
    return false;
  };
  const argument = (): string => {
    skip();
    const open = text[pos];
    if (open !== "`" && open !== '"') fail("a quoted argument");
    const close = text.indexOf(open, pos + 1);
    if (close < 0) fail(`a closing ${open}`);
    const value = text.slice(pos + 1, close);
    pos = close + 1;
    return value;
  };
  const primary = (): RuleExpr => {
    if (take("!")) return { kind: "not", expr: primary() };
    if (take("(")) {
      const inner = or();
      if (!take(")")) fail('")"');
      return inner;
    }
    skip();
    const name = /^[A-Za-z][A-Za-z0-9]*/.exec(text.slice(pos))?.[0] ?? fail("a matcher such as Host");
    pos += name.length;
    if (!take("(")) fail(`"(" after ${name}`);
    const args: string[] = [];
    if (!take(")")) {
      do args.push(argument());
      while (take(","));
      if (!take(")")) fail('"," or ")"');
    }
    return { kind: "matcher", name, args };
  };
  const and = (): RuleExpr => {
    let left = primary();
    while (take("&&")) left = { kind: "and", left, right: primary() };
    return left;
  };
  const or = (): RuleExpr => {
    let left = and();
    while (take("||")) left = { kind: "or", left, right: and() };
    return left;
  };
  const expr = or();
  skip();
  if (pos < text.length) fail("&&, || or the end");
  return expr;
}

/** Every matcher call of a rule, left to right. */
export function ruleMatchers(expr: RuleExpr): Array<{ name: string; args: readonly string[] }> {
  if (expr.kind === "matcher") return [{ name: expr.name, args: expr.args }];
  if (expr.kind === "not") return ruleMatchers(expr.expr);
  return [...ruleMatchers(expr.left), ...ruleMatchers(expr.right)];
}

/** The arguments of a rule's matchers of one name (matched case-insensitively, as Traefik does). */
export function matcherArgs(expr: RuleExpr, name: string): string[] {
  return ruleMatchers(expr)
    .filter((m) => m.name.toLowerCase() === name.toLowerCase())
    .flatMap((m) => m.args);
}

/**
 * Whether a request to `host` and `path` matches, with Traefik's Host (case-insensitive,
 * exact), Path (exact) and PathPrefix (a string prefix, not whole segments). Throws on
 * matchers that need more of the request than a host and a path.
 */
export function ruleMatches(expr: RuleExpr, request: { readonly host: string; readonly path: string }): boolean {
  switch (expr.kind) {
    case "and":
      return ruleMatches(expr.left, request) && ruleMatches(expr.right, request);
    case "or":
      return ruleMatches(expr.left, request) || ruleMatches(expr.right, request);
    case "not":
      return !ruleMatches(expr.expr, request);
    case "matcher":
      switch (expr.name.toLowerCase()) {
        case "host":
          return request.host.toLowerCase().replace(/\.$/, "") === expr.args[0].toLowerCase().replace(/\.$/, "");
        case "path":
          return request.path === expr.args[0];
        case "pathprefix":
          return request.path.startsWith(expr.args[0]);
        default:
          throw new Error(`matcher ${expr.name} needs more of a request than its host and path`);
      }
  }
}
