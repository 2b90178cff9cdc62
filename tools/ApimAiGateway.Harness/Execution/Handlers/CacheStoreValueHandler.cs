using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Caching;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// cache-store-value (apim-reference §4.30): caches value (any object; a literal is a string) under key for duration
/// seconds. A null value has nothing to cache and is skipped. The harness makes the value readable at once, where
/// APIM documents the store as asynchronous.
/// </summary>
public sealed class CacheStoreValueHandler : IPolicyHandler
{
    public string PolicyName => "cache-store-value";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "key", string.Empty),
        binder.Attribute<object?>(element, "value", null),
        binder.Attribute(element, "duration", 0L),
        element.Literal("caching-type"));

    private sealed class Step(BoundValue<string> key, BoundValue<object?> value, BoundValue<long> durationSeconds, string? cachingType) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var cacheKey = key.Evaluate(context) ?? string.Empty;
            var stored = value.Evaluate(context);
            var duration = TimeSpan.FromSeconds(durationSeconds.Evaluate(context));
            if (stored is null)
            {
                context.Note($"the value for '{cacheKey}' is null: nothing stored");
            }
            else if (CacheSelection.Resolve(context, cachingType) is { } store)
            {
                store.Set(CacheKeys.Value(cacheKey), stored, duration);
                context.Note($"stored '{cacheKey}' for {duration.TotalSeconds} s");
            }

            return ValueTask.CompletedTask;
        }
    }
}
