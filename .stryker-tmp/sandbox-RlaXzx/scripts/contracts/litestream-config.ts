/**
 * litestream-config: the structs Litestream decodes its YAML config into (Config in
 * cmd/litestream and what it reaches, gopkg.in/yaml.v2), at the version of the image the
 * estate runs (jobspecs/images.ts), so bumping the image and regenerating go together.
 */
// @ts-nocheck

import { writeStoredContract } from "../../contracts/stored";
import { IMAGES } from "../../jobspecs/images";
import { UpstreamRepo } from "../lib/upstream";
import { ContractGenerator } from "./generator";
import { readGoPackageAt } from "./go-structs";
import { buildWireSchema } from "./go-wire-schema";

const REPOSITORY = "benbjohnson/litestream";

export const litestreamConfigGenerator: ContractGenerator = {
  name: "litestream-config",
  description: `Litestream's config structs (${REPOSITORY} cmd/litestream at v${IMAGES.litestream.tag}, the image's tag)`,
  generate() {
    const version = IMAGES.litestream.tag;
    const ref = `v${version}`;
    const repo = UpstreamRepo.open(REPOSITORY);
    const commit = repo.commit(ref);
    // Config embeds types of the root package (litestream.SocketConfig).
    const packages = { main: readGoPackageAt(repo, ref, "cmd/litestream"), litestream: readGoPackageAt(repo, ref, "") };
    const schema = buildWireSchema({ codec: "gopkg.in/yaml.v2", packages, rootPackage: "main", root: "Config" });
    const sources = [...new Set(Object.values(schema.structs).map((s) => s.file))].sort();
    writeStoredContract(
      "litestream-config",
      { project: "litestream", version, repository: REPOSITORY, ref, commit, sources, command: "npm run contracts -- litestream-config" },
      { "config.json": schema },
    );
    return ["litestream-config"];
  },
};
