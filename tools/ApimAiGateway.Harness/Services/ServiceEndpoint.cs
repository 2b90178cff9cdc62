namespace ApimAiGateway.Harness.Services;

/// <summary>A mapped service and the count of calls it has received.</summary>
internal sealed class ServiceEndpoint(ServiceRoute route, IServiceHandler handler)
{
    private int _calls;

    public ServiceRoute Route { get; } = route;

    public IServiceHandler Handler { get; } = handler;

    public ServiceCallContext NextContext(TimeProvider clock) =>
        new(Route.Name, Interlocked.Increment(ref _calls), clock);
}
