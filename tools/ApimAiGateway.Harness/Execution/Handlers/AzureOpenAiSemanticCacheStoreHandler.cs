using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.SemanticCaching;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>azure-openai-semantic-cache-store (apim-reference §4.33); see <see cref="SemanticCacheStore"/>.</summary>
public sealed class AzureOpenAiSemanticCacheStoreHandler : IPolicyHandler
{
    public string PolicyName => "azure-openai-semantic-cache-store";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => SemanticCacheStore.Bind(element, binder);
}
