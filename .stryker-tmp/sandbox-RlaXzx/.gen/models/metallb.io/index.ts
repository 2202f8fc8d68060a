export * as v1beta1 from "./v1beta1/index";
