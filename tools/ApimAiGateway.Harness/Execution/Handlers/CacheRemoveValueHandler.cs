using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Caching;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>cache-remove-value (apim-reference §4.30): removes the value cached under key; a missing key is no error.</summary>
public sealed class CacheRemoveValueHandler : IPolicyHandler
{
    public string PolicyName => "cache-remove-value";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) =>
        new Step(binder.Attribute(element, "key", string.Empty), element.Literal("caching-type"));

    private sealed class Step(BoundValue<string> key, string? cachingType) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var cacheKey = key.Evaluate(context) ?? string.Empty;
            if (CacheSelection.Resolve(context, cachingType) is { } store)
            {
                context.Note(store.Remove(CacheKeys.Value(cacheKey)) ? $"removed '{cacheKey}'" : $"'{cacheKey}' was not cached");
            }

            return ValueTask.CompletedTask;
        }
    }
}
