namespace ApimAiGateway.Harness.Context.Runtime;

public sealed record Group(string Id, string Name) : IGroup;
