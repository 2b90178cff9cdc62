using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.SemanticCaching;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>azure-openai-semantic-cache-lookup (apim-reference §4.33); see <see cref="SemanticCacheLookup"/>.</summary>
public sealed class AzureOpenAiSemanticCacheLookupHandler : IPolicyHandler
{
    public string PolicyName => "azure-openai-semantic-cache-lookup";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => SemanticCacheLookup.Bind(PolicyName, element, binder);
}
