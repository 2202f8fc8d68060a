// @ts-nocheck
import { catalogArchs, IMAGES, imageRef, parseImageRef } from "../../jobspecs/images";

test("every catalogued image is pinned to a version tag, never latest", () => {
  for (const img of Object.values(IMAGES)) {
    expect(img.tag).not.toBe("latest");
    expect(imageRef(img)).toMatch(/^[a-z0-9.-]+\/[a-z0-9._/-]+:[A-Za-z0-9_][A-Za-z0-9_.-]*$/);
  }
});

test("the domain's versions are the ones pinned", () => {
  expect(imageRef(IMAGES.synapse)).toBe("ghcr.io/element-hq/synapse:v1.144.0");
  expect(imageRef(IMAGES.mautrixWhatsapp)).toBe("dock.mau.dev/mautrix/whatsapp:v0.2512.0");
  expect(imageRef(IMAGES.mas)).toBe("ghcr.io/element-hq/matrix-authentication-service:1.8.0");
  expect(imageRef(IMAGES.nginx)).toBe("docker.io/library/nginx:1.29.4-alpine");
  expect(imageRef(IMAGES.cinny)).toBe("ghcr.io/cinnyapp/cinny:v4.10.2");
  expect(imageRef(IMAGES.restic)).toBe("docker.io/restic/restic:0.18.1");
  expect(imageRef(IMAGES.bitcoin)).toBe("docker.io/library/bitcoin:30.2");
});

test("parseImageRef splits repository and tag, ports and digests included", () => {
  expect(parseImageRef("registry:5000/a/b:1.2")).toEqual({ repository: "registry:5000/a/b", tag: "1.2" });
  expect(parseImageRef("nginx")).toEqual({ repository: "nginx" });
  expect(parseImageRef("a/b@sha256:abc")).toEqual({ repository: "a/b", tag: "sha256:abc" });
});

test("catalogArchs finds an image however its Docker Hub name is written", () => {
  expect(catalogArchs("nginx:1.0")).toEqual(["amd64", "arm64"]);
  expect(catalogArchs("appflowyinc/appflowy_cloud:0.1")).toEqual(["amd64"]);
  expect(catalogArchs("ghcr.io/unknown/thing:1")).toBeUndefined();
});
