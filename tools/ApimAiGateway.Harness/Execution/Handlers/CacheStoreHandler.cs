using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Caching;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// cache-store (apim-reference §4.29): after a cache-lookup miss, stores the response for duration seconds under the
/// lookup's key. "If the attribute is omitted or set to false, only HTTP responses with the status code 200 OK are
/// cached" (cache-store page, cache-response); with cache-response true any response is. The stored response's
/// downstream Cache-Control follows the lookup's downstream-caching-type.
/// </summary>
public sealed class CacheStoreHandler : IPolicyHandler
{
    public string PolicyName => "cache-store";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "duration", 0L),
        binder.Attribute(element, "cache-response", false));

    private sealed class Step(BoundValue<long> durationSeconds, BoundValue<bool> cacheAnyResponse) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            if (context.Feature<PendingResponseCache>().Miss is not { } miss)
            {
                context.Note("no cache-lookup missed for this request: nothing to store");
                return ValueTask.CompletedTask;
            }

            var (store, key, downstream) = miss;
            var status = context.Response.StatusCode;
            if (status != 200 && !cacheAnyResponse.Evaluate(context))
            {
                context.Note($"{status} is not cached: only 200 OK unless cache-response is true");
                return ValueTask.CompletedTask;
            }

            var duration = TimeSpan.FromSeconds(durationSeconds.Evaluate(context));
            store.Set(key, CachedResponse.Of(context.Response, context.Clock.GetUtcNow() + duration), duration);
            downstream.Apply(context.Response, duration);
            context.Note($"stored the {status} response for {duration.TotalSeconds} s");
            return ValueTask.CompletedTask;
        }
    }
}
