using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Caching;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.SemanticCaching;

/// <summary>
/// llm-semantic-cache-store and azure-openai-semantic-cache-store (apim-reference §4.33): caches the response for
/// duration seconds under the prompt embedding and partition the lookup of the same request missed with. Without
/// such a lookup there is nothing to store under; like APIM's response cache, only 200 answers are kept.
/// </summary>
internal sealed class SemanticCacheStore(BoundValue<long> durationSeconds) : IPolicyStep
{
    public static SemanticCacheStore Bind(PolicyElement element, PolicyBinder binder) =>
        new(binder.Attribute(element, "duration", 0L));

    public ValueTask ExecuteAsync(PolicyExecutionContext context)
    {
        if (context.Feature<PendingSemanticCache>().Miss is not { } miss)
        {
            context.Note("no semantic cache lookup missed in this request: nothing stored");
        }
        else if (context.Response.StatusCode != 200)
        {
            context.Note($"the response is {context.Response.StatusCode}: not cached");
        }
        else
        {
            var duration = TimeSpan.FromSeconds(durationSeconds.Evaluate(context));
            var response = CachedResponse.Of(context.Response, context.Clock.GetUtcNow() + duration);
            SemanticCacheIndex.Add(miss.Store, miss.Partition, new SemanticCacheEntry(miss.Embedding, response), duration);
            context.Note($"completion cached for {duration.TotalSeconds} s");
        }

        return ValueTask.CompletedTask;
    }
}
