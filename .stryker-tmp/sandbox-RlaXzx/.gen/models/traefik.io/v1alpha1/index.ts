export * from "./Middleware";
