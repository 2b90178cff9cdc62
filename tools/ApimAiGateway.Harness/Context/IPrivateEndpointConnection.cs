namespace ApimAiGateway.Harness.Context;

/// <summary>Private endpoint the request came through.</summary>
public interface IPrivateEndpointConnection
{
    string Name { get; }

    string GroupId { get; }

    string MemberName { get; }
}
