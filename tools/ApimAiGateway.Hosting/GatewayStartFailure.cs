namespace ApimAiGateway.Hosting;

/// <summary>Why a gateway host did not start.</summary>
public enum GatewayStartFailure
{
    /// <summary>It started.</summary>
    None,

    /// <summary>The options, a policy, or a repository or subscriptions file is wrong; the diagnostics say where.</summary>
    Configuration,

    /// <summary>The port is taken by another process.</summary>
    PortInUse,
}
