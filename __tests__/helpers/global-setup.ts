import { startTestRun } from "./test-run";

export default startTestRun;
