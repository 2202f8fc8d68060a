export * from "./IPAddressPool";
export * from "./L2Advertisement";
