using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Caching;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// cache-lookup (apim-reference §4.29): for GET requests only, looks the request's key up in the cache caching-type
/// names; a hit returns the cached response at once and nothing after it runs, the backend included; a miss lets the
/// request go on and leaves the key for cache-store. Requests carrying Authorization are neither looked up nor stored
/// unless allow-private-response-caching is true.
/// </summary>
public sealed class CacheLookupHandler : IPolicyHandler
{
    public string PolicyName => "cache-lookup";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        ResponseCacheKey.Read(element, binder),
        element.Literal("caching-type"),
        binder.Attribute(element, "downstream-caching-type", "none"),
        binder.Attribute(element, "must-revalidate", true),
        binder.Attribute(element, "allow-private-response-caching", false));

    private sealed class Step(ResponseCacheKey cacheKey, string? cachingType, BoundValue<string> downstreamType, BoundValue<bool> mustRevalidate, BoundValue<bool> allowPrivate) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            if (!string.Equals(context.Request.Method, "GET", StringComparison.OrdinalIgnoreCase))
            {
                context.Note($"{context.Request.Method} request: only GET responses are cached");
                return ValueTask.CompletedTask;
            }

            if (context.Request.Headers.ContainsKey("Authorization") && !allowPrivate.Evaluate(context))
            {
                context.Note("the request carries Authorization and allow-private-response-caching is false: not cached");
                return ValueTask.CompletedTask;
            }

            if (CacheSelection.Resolve(context, cachingType) is not { } store)
            {
                return ValueTask.CompletedTask;
            }

            var key = cacheKey.For(context);
            var downstream = new DownstreamCaching((downstreamType.Evaluate(context) ?? "none").Trim().ToLowerInvariant(), mustRevalidate.Evaluate(context));
            if (store.TryGet(key, out var value) && value is CachedResponse cached)
            {
                context.Response = cached.ToResponse();
                downstream.Apply(context.Response, cached.ExpiresAt - context.Clock.GetUtcNow());
                context.Note($"cache hit: returns the cached {context.Response.StatusCode}; the rest of the pipeline is skipped");
                context.Terminate();
                return ValueTask.CompletedTask;
            }

            context.Feature<PendingResponseCache>().Miss = (store, key, downstream);
            context.Note("cache miss: cache-store may store the response");
            return ValueTask.CompletedTask;
        }
    }
}
