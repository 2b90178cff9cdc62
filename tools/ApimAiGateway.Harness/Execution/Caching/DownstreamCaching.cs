using System.Globalization;
using ApimAiGateway.Harness.Context.Runtime;

namespace ApimAiGateway.Harness.Execution.Caching;

/// <summary>
/// cache-lookup's downstream-caching-type and must-revalidate (cache-lookup page): with private or public downstream
/// caching the gateway's response carries <c>Cache-Control: private|public, max-age=N</c>, plus
/// <c>must-revalidate</c> unless turned off. The directive names come from the page; the max-age (the cached entry's
/// remaining lifetime in whole seconds) and the directive order are the harness's reading, not documented. With none,
/// the response's Cache-Control is left as it is.
/// </summary>
internal sealed record DownstreamCaching(string Type, bool MustRevalidate)
{
    public void Apply(GatewayResponse response, TimeSpan remaining)
    {
        if (Type is not ("private" or "public"))
        {
            return;
        }

        var value = $"{Type}, max-age={WholeSeconds.RoundUp(remaining).ToString(CultureInfo.InvariantCulture)}";
        response.Headers.Set("Cache-Control", MustRevalidate ? value + ", must-revalidate" : value);
    }
}
