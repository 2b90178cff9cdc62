namespace ApimAiGateway.Harness.Services.Outputs;

/// <summary>Everything a gateway emits besides its responses, timestamped on one clock and cleared together.</summary>
public sealed class GatewayOutputs(TimeProvider? clock = null)
{
    public TraceSink Traces { get; } = new(clock);

    public MetricSink Metrics { get; } = new(clock);

    public EventHubSink EventHub { get; } = new(clock);

    public void Clear()
    {
        Traces.Clear();
        Metrics.Clear();
        EventHub.Clear();
    }
}
