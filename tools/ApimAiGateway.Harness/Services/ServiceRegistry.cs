namespace ApimAiGateway.Harness.Services;

/// <summary>
/// The simulated network: routes each request to the service mapped for its host (and port and path prefix, the
/// longest prefix winning), records every call in <see cref="Calls"/>, and turns a request for a host nobody
/// serves into a connection failure, as a DNS or connect failure would be, never an exception.
/// Mapping a place that is already mapped replaces its service, so a test can override one service of a file.
/// </summary>
public sealed class ServiceRegistry(TimeProvider? clock = null)
{
    private readonly Lock _gate = new();
    private ServiceEndpoint[] _endpoints = [];
    private long _sequence;

    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    public ServiceCallLog Calls { get; } = new();

    public IReadOnlyList<ServiceRoute> Routes => [.. Volatile.Read(ref _endpoints).Select(endpoint => endpoint.Route)];

    public ServiceRegistry Map(ServiceRoute route, IServiceHandler handler)
    {
        lock (_gate)
        {
            _endpoints = [.. _endpoints.Where(endpoint => !endpoint.Route.SharesPlaceWith(route)), new ServiceEndpoint(route, handler)];
        }

        return this;
    }

    /// <summary>Maps every path of <paramref name="host"/>, on any port; the service is named after the host.</summary>
    public ServiceRegistry Map(string host, IServiceHandler handler) => Map(new ServiceRoute(host, host, null, ""), handler);

    public ServiceRegistry Map(string host, Func<ServiceRequest, ServiceResponse> respond) =>
        Map(host, new DelegateServiceHandler(respond));

    /// <summary>Maps the place a base URL names (see <see cref="ServiceRoute.ForBaseUrl"/>).</summary>
    public ServiceRegistry Map(string name, Uri baseUrl, IServiceHandler handler) =>
        Map(ServiceRoute.ForBaseUrl(name, baseUrl), handler);

    public async ValueTask<ServiceOutcome> SendAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var sentAt = Clock.GetUtcNow();
        var endpoint = Find(request.Uri);
        var outcome = endpoint is null
            ? ServiceOutcome.ConnectionFailure($"No simulated service listens at {request.Uri.GetLeftPart(UriPartial.Authority)}{request.Uri.AbsolutePath}.")
            : await endpoint.Handler.HandleAsync(request, endpoint.NextContext(Clock), cancellationToken).ConfigureAwait(false);
        Calls.Add(new ServiceCall(sequence, endpoint?.Route.Name, request, outcome, sentAt));
        return outcome;
    }

    private ServiceEndpoint? Find(Uri uri) =>
        Volatile.Read(ref _endpoints)
            .Where(endpoint => endpoint.Route.Matches(uri))
            .MaxBy(endpoint => (endpoint.Route.PathPrefix.Length, endpoint.Route.Port.HasValue));
}
