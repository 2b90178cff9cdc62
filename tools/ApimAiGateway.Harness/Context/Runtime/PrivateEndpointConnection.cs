namespace ApimAiGateway.Harness.Context.Runtime;

public sealed record PrivateEndpointConnection(string Name, string GroupId, string MemberName) : IPrivateEndpointConnection;
