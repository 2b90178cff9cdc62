using ApimAiGateway.Harness.Backends;
using ApimAiGateway.Harness.Services;
using ApimAiGateway.Harness.Services.Outputs;
using ApimAiGateway.Harness.Stores;
using ApimAiGateway.Harness.Templates;

namespace ApimAiGateway.Harness.Execution;

/// <summary>
/// What a gateway instance shares across its requests: one clock, the stores (caches, counters), the simulated
/// network its backends and send-request targets live on, the captured outputs, and the template renderer.
/// </summary>
public sealed class GatewayServices
{
    public GatewayServices(TimeProvider clock, ServiceRegistry network, bool externalCacheConfigured = true)
    {
        Clock = clock;
        Network = network;
        Stores = new GatewayStores(clock, externalCacheConfigured);
        Outputs = new GatewayOutputs(clock);
        Backends = new BackendRuntime(clock);
        StartedAt = clock.GetUtcNow();
    }

    /// <summary>When the gateway started: quota windows of a subscription without a created date are aligned to it.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The requests inside limit-concurrency policies now, per key, across every scope of the gateway.</summary>
    public Limits.ConcurrencySlots Concurrency { get; } = new();

    public TimeProvider Clock { get; }

    public GatewayStores Stores { get; }

    public ServiceRegistry Network { get; }

    public GatewayOutputs Outputs { get; }

    public LiquidTemplateRenderer Liquid { get; } = new();

    /// <summary>The backend entities (singles and pools) with their circuit breakers.</summary>
    public BackendRuntime Backends { get; }

    /// <summary>How long one expression may run before it is stopped as a runaway (an endless loop).</summary>
    public TimeSpan ExpressionTimeLimit { get; init; } = TimeSpan.FromSeconds(2);
}
