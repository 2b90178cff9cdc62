namespace ApimAiGateway.Harness.Context;

/// <summary><c>context.Deployment.Gateway</c>.</summary>
public interface IGateway
{
    /// <summary>"managed" for the managed gateway.</summary>
    string Id { get; }

    /// <summary>"managed" for the managed gateway.</summary>
    string InstanceId { get; }

    bool IsManaged { get; }
}
