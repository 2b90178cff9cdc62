namespace ApimAiGateway.Delivery.Arm;

/// <summary>
/// A request ARM refused or that could not be completed. Raised inside the delivery library only: commands catch it
/// and turn it into their report, so it never escapes a public entry point.
/// </summary>
public sealed class ArmRequestException(string message, int? status = null) : Exception(message)
{
    /// <summary>The HTTP status ARM answered with; null when no answer came (network, timeout, bad answer).</summary>
    public int? Status { get; } = status;
}
