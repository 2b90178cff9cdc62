namespace ApimAiGateway.Harness.Services;

/// <summary>What a handler knows about a call besides the request: which service it reached, and when.</summary>
/// <param name="ServiceName">The name the service was mapped under.</param>
/// <param name="CallNumber">1 for the first call the service receives, counting every call routed to it.</param>
/// <param name="Clock">The virtual clock of the simulation, for services whose answers depend on time (rate limits).</param>
public sealed record ServiceCallContext(string ServiceName, int CallNumber, TimeProvider Clock)
{
    public DateTimeOffset Now => Clock.GetUtcNow();
}
