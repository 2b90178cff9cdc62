import { gatewayProgram } from "./src/program";

// Pulumi runs an exported function and publishes what it returns as the stack outputs.
export = gatewayProgram;
