using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Caching;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// cache-lookup-value (apim-reference §4.30): reads the value cached under key into variable-name. On a miss the
/// page's table and text disagree; as the reference's emulator note says, default-value is assigned when given
/// (a null default leaves the variable as it was) and otherwise the variable is left unset.
/// </summary>
public sealed class CacheLookupValueHandler : IPolicyHandler
{
    public string PolicyName => "cache-lookup-value";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "key", string.Empty),
        element.Literal("variable-name") ?? string.Empty,
        binder.Has(element, "default-value") ? binder.Attribute<object?>(element, "default-value", null) : null,
        element.Literal("caching-type"));

    private sealed class Step(BoundValue<string> key, string variable, BoundValue<object?>? defaultValue, string? cachingType) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var cacheKey = key.Evaluate(context) ?? string.Empty;
            if (CacheSelection.Resolve(context, cachingType) is { } store && store.TryGet(CacheKeys.Value(cacheKey), out var value))
            {
                context.Expression.Variables.Set(variable, value);
                context.Note($"hit for '{cacheKey}': variable '{variable}' set");
            }
            else if (defaultValue?.Evaluate(context) is { } fallback)
            {
                context.Expression.Variables.Set(variable, fallback);
                context.Note($"miss for '{cacheKey}': variable '{variable}' set to default-value");
            }
            else
            {
                context.Note($"miss for '{cacheKey}': variable '{variable}' left unset");
            }

            return ValueTask.CompletedTask;
        }
    }
}
