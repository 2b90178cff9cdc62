namespace ApimAiGateway.Harness.Context.Runtime;

public sealed record Workspace(string Id, string Name) : IWorkspace;
