namespace ApimAiGateway.Harness.Context.Runtime;

public sealed record UserIdentity(string Id, string Provider) : IUserIdentity;
