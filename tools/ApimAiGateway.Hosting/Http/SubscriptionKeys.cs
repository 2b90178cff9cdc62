using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Hosting.Subscriptions;
using Microsoft.AspNetCore.Http;

namespace ApimAiGateway.Hosting.Http;

/// <summary>
/// Tells which subscription a request presented, for the log line: the gateway itself decides access, this only
/// names the caller. Looks in every header and query parameter the APIs take keys from.
/// </summary>
internal sealed class SubscriptionKeys(IReadOnlyList<ApiDefinition> apis, IReadOnlyList<LocalSubscription> subscriptions)
{
    private readonly string[] _headers = [.. apis.Select(a => a.SubscriptionKeyHeader).Distinct(StringComparer.OrdinalIgnoreCase)];
    private readonly string[] _queries = [.. apis.Select(a => a.SubscriptionKeyQuery).Distinct(StringComparer.Ordinal)];
    private readonly Dictionary<string, string> _idByKey = subscriptions.ToDictionary(s => s.Key, s => s.Id, StringComparer.Ordinal);

    public string? SubscriptionOf(HttpRequest request) =>
        _headers.Select(name => request.Headers[name].FirstOrDefault())
            .Concat(_queries.Select(name => request.Query[name].FirstOrDefault()))
            .Select(key => key is null ? null : _idByKey.GetValueOrDefault(key))
            .FirstOrDefault(id => id is not null);
}
